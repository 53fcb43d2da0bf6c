#pragma once
// Reading a named statement's text in unit tests that check it against a C++ list (the lists
// of columns a statement writes out in full): comment lines dropped, whitespace runs made one
// space, comma-separated lists split at their top level.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace coach::test {

// `sql` without its "--" comment lines, every run of whitespace one space.
inline std::string sql_code(std::string_view sql) {
    std::string out;
    while (!sql.empty()) {
        auto nl = sql.find('\n');
        std::string_view line = sql.substr(0, nl);
        sql = nl == std::string_view::npos ? std::string_view{} : sql.substr(nl + 1);
        auto first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line.substr(first, 2) == "--")
            continue;
        for (char c : line) {
            bool space = c == ' ' || c == '\t';
            if (space && (out.empty() || out.back() == ' '))
                continue;
            out += space ? ' ' : c;
        }
        if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// The text between the first `open` and the next `close` after it.
inline std::string between(std::string_view text, std::string_view open, std::string_view close) {
    auto a = text.find(open);
    if (a == std::string_view::npos)
        throw std::invalid_argument("not found: " + std::string(open));
    a += open.size();
    auto b = text.find(close, a);
    if (b == std::string_view::npos)
        throw std::invalid_argument("not found: " + std::string(close));
    return std::string(text.substr(a, b - a));
}

// The text inside the parentheses that `open` (ending with "(") opens, up to the matching ")".
inline std::string inside(std::string_view text, std::string_view open) {
    auto a = text.find(open);
    if (a == std::string_view::npos || open.empty() || open.back() != '(')
        throw std::invalid_argument("not found: " + std::string(open));
    a += open.size();
    int depth = 1;
    for (auto i = a; i < text.size(); ++i) {
        if (text[i] == '(')
            ++depth;
        else if (text[i] == ')' && --depth == 0)
            return std::string(text.substr(a, i - a));
    }
    throw std::invalid_argument("unbalanced after: " + std::string(open));
}

// "a, f(b, c), d" -> {"a", "f(b, c)", "d"}, each trimmed.
inline std::vector<std::string> sql_items(std::string_view list) {
    std::vector<std::string> out(1);
    int depth = 0;
    for (char c : list) {
        if (c == '(')
            ++depth;
        if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            out.emplace_back();
            continue;
        }
        out.back() += c;
    }
    for (auto& item : out) {
        auto first = item.find_first_not_of(' ');
        auto last = item.find_last_not_of(' ');
        item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
    }
    return out;
}

}  // namespace coach::test
