// core/utf8.hpp against RFC 3629's table of well-formed sequences, at each boundary.
#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace coach::test {
namespace {

constexpr auto kBad = std::string_view::npos;

TEST(CoreUtf8, CountsCharactersOfWellFormedText) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("Zoë"), 3u);
    EXPECT_EQ(utf8_length("\xE2\x82\xAC 5"), 3u);        // U+20AC
    EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1u);      // U+1F600
    EXPECT_EQ(utf8_length("\x7F\xC2\x80\xDF\xBF"), 3u);  // the ends of the 1- and 2-byte ranges
    EXPECT_EQ(utf8_length("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"), 4u);
    EXPECT_EQ(utf8_length("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"), 2u);  // U+10000, U+10FFFF
    EXPECT_TRUE(valid_utf8("plain ASCII"));
}

TEST(CoreUtf8, RefusesWhatPostgreSqlRefuses) {
    EXPECT_EQ(utf8_length(std::string_view("a\0b", 3)), kBad);  // NUL
    EXPECT_EQ(utf8_length("Zo\xEB"), kBad);                     // Windows-1252 byte
    EXPECT_EQ(utf8_length("\x80"), kBad);                       // a lone continuation byte
    EXPECT_EQ(utf8_length("\xC0\xAF"), kBad);                   // overlong '/'
    EXPECT_EQ(utf8_length("\xC1\xBF"), kBad);                   // overlong
    EXPECT_EQ(utf8_length("\xE0\x9F\xBF"), kBad);               // overlong 3-byte form
    EXPECT_EQ(utf8_length("\xED\xA0\x80"), kBad);               // surrogate U+D800
    EXPECT_EQ(utf8_length("\xF0\x8F\xBF\xBF"), kBad);           // overlong 4-byte form
    EXPECT_EQ(utf8_length("\xF4\x90\x80\x80"), kBad);           // above U+10FFFF
    EXPECT_EQ(utf8_length("\xF5\x80\x80\x80"), kBad);
    EXPECT_EQ(utf8_length("\xE2\x82"), kBad);          // truncated
    EXPECT_EQ(utf8_length("\xE2\x28\xA1"), kBad);      // bad second byte
    EXPECT_EQ(utf8_length("\xF0\x9F\x98\x28"), kBad);  // bad last byte
    EXPECT_FALSE(valid_utf8("\xFF"));
}

TEST(CoreUtf8, ReplacesWhatIsMalformedAndCutsOnACharacterBoundary) {
    EXPECT_EQ(to_valid_utf8("curl/8.1", 512), "curl/8.1");
    EXPECT_EQ(to_valid_utf8("Zo\xEB!", 512), "Zo\xEF\xBF\xBD!");
    EXPECT_EQ(to_valid_utf8(std::string_view("a\0b", 3), 512),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(to_valid_utf8("\xC0\xAF", 512), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong: 2 bytes
    EXPECT_EQ(to_valid_utf8("ab\xE2\x82\xAC", 4), "ab");  // the euro sign would not fit
    EXPECT_EQ(to_valid_utf8(std::string(600, 'x'), 512).size(), 512u);
    EXPECT_TRUE(valid_utf8(to_valid_utf8("\xFF\xFE\x80 ok \xED\xA0\x80", 512)));
}

}  // namespace
}  // namespace coach::test
