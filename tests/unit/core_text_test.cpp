// core's shared text pieces: trim, the hex encoder, base64url decoding, the user enum names.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include "core/base64url.hpp"
#include "core/hex.hpp"
#include "core/text.hpp"
#include "core/user_enums.hpp"

namespace coach {
namespace {

TEST(CoreText, TrimRemovesAsciiBlanksAtBothEnds) {
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim("abc"), "abc");
    EXPECT_EQ(trim("  abc  "), "abc");
    EXPECT_EQ(trim("\t\r\n abc \n\r\t"), "abc");
    EXPECT_EQ(trim(" a b "), "a b");  // inner blanks stay
}

TEST(CoreText, TrimRemovesNoBreakSpaces) {
    const std::string nbsp = "\xC2\xA0";
    const std::string cell = nbsp + "85.5" + nbsp;
    EXPECT_EQ(trim(cell), "85.5");
    EXPECT_EQ(trim(" \xC2\xA0\xC2\xA0x"), "x");
    EXPECT_EQ(trim("\xC2"), "\xC2");  // half a no-break space is data
    EXPECT_EQ(trim("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(CoreHex, EncodesEveryByteAsTwoLowercaseDigits) {
    EXPECT_EQ(to_hex(std::string_view{}), "");
    EXPECT_EQ(to_hex(std::string_view("\x00\x0f\xa0\xff", 4)), "000fa0ff");
    const std::array<unsigned char, 3> bytes = {0xde, 0xad, 0x01};
    EXPECT_EQ(to_hex(bytes), "dead01");
}

TEST(CoreBase64Url, DecodeInvertsEncode) {
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xfb\xff\xbf"}) {
        auto decoded = base64url_decode(base64url_encode(s));
        ASSERT_TRUE(decoded.has_value()) << s;
        EXPECT_EQ(*decoded, s);
    }
    std::string all;
    for (int c = 0; c < 256; ++c)
        all.push_back(static_cast<char>(c));
    EXPECT_EQ(base64url_decode(base64url_encode(all)), all);
}

TEST(CoreBase64Url, DecodeRejectsCharactersOutsideTheAlphabet) {
    EXPECT_FALSE(base64url_decode("Zm9v+").has_value());
    EXPECT_FALSE(base64url_decode("Zm9v/").has_value());
    EXPECT_FALSE(base64url_decode("Zm9v=").has_value());
    EXPECT_FALSE(base64url_decode("Zm 9v").has_value());
}

TEST(CoreUserEnums, RoleNamesFollowTheEnum) {
    ASSERT_EQ(kRoleNames.size(), kAllRoles.size());
    for (std::size_t i = 0; i < kAllRoles.size(); ++i)
        EXPECT_EQ(to_string(kAllRoles[i]), kRoleNames[i]);
    static_assert(parse_role("TEAM_LEADER") == Role::TeamLeader);
}

TEST(CoreUserEnums, StatusNamesAreTheSchemasInOrder) {
    const std::array<std::string_view, 4> expected = {"ACTIVE", "PIP", "LEAVE", "TERMINATED"};
    EXPECT_EQ(kUserStatusNames, expected);
}

}  // namespace
}  // namespace coach
