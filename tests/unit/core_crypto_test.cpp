#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/base64url.hpp"
#include "core/crypto.hpp"

namespace coach {
namespace {

bool is_base64url(const std::string& text) {
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

TEST(CoreCrypto, Sha256KnownVectors) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(CoreCrypto, Sha256HandlesEmbeddedNul) {
    const std::string with_nul("a\0b", 3);
    EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
    EXPECT_EQ(sha256_hex(with_nul).size(), 64U);
}

TEST(CoreCrypto, Sha256BytesMatchHex) {
    const auto digest = sha256("abc");
    ASSERT_EQ(digest.size(), 32U);
    EXPECT_EQ(digest[0], 0xbaU);
    EXPECT_EQ(digest[1], 0x78U);
    EXPECT_EQ(digest[31], 0xadU);
}

TEST(CoreBase64Url, Rfc4648Vectors) {
    EXPECT_EQ(base64url_encode(""), "");
    EXPECT_EQ(base64url_encode("f"), "Zg");
    EXPECT_EQ(base64url_encode("fo"), "Zm8");
    EXPECT_EQ(base64url_encode("foo"), "Zm9v");
    EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
    EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
    EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
    // Standard base64 would be "+/8=" and "+/+/": the URL alphabet uses '-' and '_'.
    EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
    EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
    EXPECT_EQ(base64url_encode(std::string("\0\0\0", 3)), "AAAA");
}

TEST(CoreCrypto, RandomTokenDefaultIs43Base64UrlCharacters) {
    const std::string token = random_token();
    EXPECT_EQ(token.size(), 43U);
    EXPECT_TRUE(is_base64url(token)) << token;
    EXPECT_EQ(token.find('='), std::string::npos);
}

TEST(CoreCrypto, RandomTokenLengths) {
    EXPECT_EQ(random_token(0), "");
    EXPECT_EQ(random_token(1).size(), 2U);
    EXPECT_EQ(random_token(2).size(), 3U);
    EXPECT_EQ(random_token(3).size(), 4U);
    EXPECT_EQ(random_token(16).size(), 22U);
    EXPECT_EQ(random_token(32).size(), 43U);
    EXPECT_EQ(random_token(64).size(), 86U);
}

TEST(CoreCrypto, RandomTokensAreDistinctAndUseWholeAlphabet) {
    std::set<std::string> seen;
    std::set<char> chars;
    for (int i = 0; i < 1000; ++i) {
        const std::string token = random_token(32);
        ASSERT_TRUE(is_base64url(token)) << token;
        seen.insert(token);
        chars.insert(token.begin(), token.end());
    }
    EXPECT_EQ(seen.size(), 1000U);
    EXPECT_EQ(chars.size(), 64U);  // 43000 draws cover all 64 symbols
}

TEST(CoreCrypto, ConstantTimeEqual) {
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_TRUE(constant_time_equal("secret", "secret"));
    EXPECT_FALSE(constant_time_equal("secret", "secreT"));
    EXPECT_FALSE(constant_time_equal("secret", "secre"));
    EXPECT_FALSE(constant_time_equal("", "x"));
    EXPECT_FALSE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
    EXPECT_TRUE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
    const std::string token = random_token();
    EXPECT_TRUE(constant_time_equal(sha256_hex(token), sha256_hex(token)));
}

}  // namespace
}  // namespace coach
