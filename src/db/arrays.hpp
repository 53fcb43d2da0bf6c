#pragma once
// PostgreSQL array literals in text format, for array parameters ($1::text[], $1::uuid[],
// $1::int[]) and for reading arrays selected as text.
#include <string>
#include <string_view>
#include <vector>

namespace coach::db {

// {"a","b\"c"}: every element quoted and escaped, so any text is safe.
std::string text_array(const std::vector<std::string>& items);
// {1,2,3}
std::string int_array(const std::vector<long>& items);
// The elements of an array of unquoted elements (uuid[], int[] selected as text): "{a,b}" ->
// a, b. Not for text[] whose elements may be quoted.
std::vector<std::string> plain_array_items(std::string_view text);

}  // namespace coach::db
