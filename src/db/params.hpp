#pragma once
// Query parameters, all sent in text format. Build with params(a, b, ...): strings, string
// views, integers, doubles, bools and std::optional of those (nullopt -> SQL NULL).
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::db {

struct Params {
    std::vector<std::optional<std::string>> values;
};

namespace detail {
inline std::optional<std::string> to_param(std::nullopt_t) {
    return std::nullopt;
}
inline std::optional<std::string> to_param(bool v) {
    return v ? "t" : "f";
}
inline std::optional<std::string> to_param(std::string v) {
    return v;
}
inline std::optional<std::string> to_param(std::string_view v) {
    return std::string(v);
}
inline std::optional<std::string> to_param(const char* v) {
    return std::string(v);
}
template <std::integral T>
requires(!std::same_as<T, bool>) std::optional<std::string> to_param(T v) {
    return std::to_string(v);
}
std::optional<std::string> to_param(double v);
template <class T>
std::optional<std::string> to_param(const std::optional<T>& v) {
    if (!v)
        return std::nullopt;
    return to_param(*v);
}
}  // namespace detail

template <class... Ts>
Params params(const Ts&... vs) {
    Params p;
    p.values.reserve(sizeof...(Ts));
    (p.values.push_back(detail::to_param(vs)), ...);
    return p;
}

}  // namespace coach::db
