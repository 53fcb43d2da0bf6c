#pragma once
// The schema's enums on the C++ side: an enum whose values are 0 .. N-1 and the array of its
// labels in that order (e.g. kRoleNames, imports::kStatusNames) give both directions, once.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace coach {

template <typename E, std::size_t N>
constexpr std::string_view enum_label(const std::array<std::string_view, N>& labels,
                                      E value) noexcept {
    return labels[static_cast<std::size_t>(value)];
}

// Exact, case-sensitive match of a label; nullopt for anything else.
template <typename E, std::size_t N>
constexpr std::optional<E> parse_enum_label(const std::array<std::string_view, N>& labels,
                                            std::string_view text) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (labels[i] == text)
            return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace coach
