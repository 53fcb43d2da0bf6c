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
// a, b. Not for text[] whose elements may be quoted. Nothing for a text without the braces.
std::vector<std::string> plain_array_items(std::string_view text);

// The same, as views into `text` passed to each(item), without allocating.
template <class Each>
void for_each_plain_array_item(std::string_view text, Each&& each) {
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return;
    text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
        auto comma = text.find(',');
        each(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
}

}  // namespace coach::db
