// http::Fields, the JSON input checks every route reads its body with.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/json_input.hpp"

namespace coach::http {
namespace {

std::optional<std::int64_t> integer_of(const std::string& json) {
    auto v = boost::json::parse(json);
    Fields f(v.as_object());
    return f.integer("n", true, INT64_MIN, INT64_MAX);
}

// Found by tests/fuzz (tests/fuzz/findings/json-integer-double-range): a number past int64's
// range was cast to int64 (undefined behaviour); it is "must be an integer" like any other.
TEST(HttpJsonInput, IntegersPastInt64AreRefusedNotCast) {
    EXPECT_EQ(integer_of(R"({"n":1e19})"), std::nullopt);
    EXPECT_EQ(integer_of(R"({"n":-1e19})"), std::nullopt);
    EXPECT_EQ(integer_of(R"({"n":9223372036854775808.0})"), std::nullopt);
    EXPECT_EQ(integer_of(R"({"n":1e308})"), std::nullopt);
    EXPECT_EQ(integer_of(R"({"n":-9223372036854775808.0})"), INT64_MIN);
    EXPECT_EQ(integer_of(R"({"n":4.0})"), 4);
    EXPECT_EQ(integer_of(R"({"n":4.5})"), std::nullopt);
    EXPECT_EQ(integer_of(R"({"n":9223372036854775807})"), INT64_MAX);
}

}  // namespace
}  // namespace coach::http
