#include "db/arrays.hpp"

namespace coach::db {

std::string text_array(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out.push_back(',');
        out.push_back('"');
        for (char c : items[i]) {
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out.push_back('}');
    return out;
}

std::string int_array(const std::vector<long>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + std::to_string(items[i]);
    return out + "}";
}

std::vector<std::string> plain_array_items(std::string_view text) {
    std::vector<std::string> out;
    for_each_plain_array_item(text, [&out](std::string_view item) { out.emplace_back(item); });
    return out;
}

}  // namespace coach::db
