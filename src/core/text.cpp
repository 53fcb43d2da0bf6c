#include "core/text.hpp"

namespace coach {

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0')
        s.remove_prefix(2);
    while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0')
        s.remove_suffix(2);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace coach
