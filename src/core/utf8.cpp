#include "core/utf8.hpp"

namespace coach {
namespace {

// The length of the well-formed sequence at s[i], or 0 when there is none (RFC 3629, section 4:
// the narrower ranges of the second byte after E0, ED, F0 and F4 exclude overlong forms,
// surrogates and code points above U+10FFFF). NUL is ill-formed here: PostgreSQL refuses it.
std::size_t sequence_at(std::string_view s, std::size_t i) noexcept {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80)
        return c == 0 ? 0 : 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + n > s.size() || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF)
            return 0;
    return n;
}

}  // namespace

std::size_t utf8_length(std::string_view s) noexcept {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        std::size_t n = sequence_at(s, i);
        if (n == 0)
            return std::string_view::npos;
        i += n;
    }
    return count;
}

std::string to_valid_utf8(std::string_view s, std::size_t max_bytes) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = sequence_at(s, i);
        std::string_view piece = n ? s.substr(i, n) : kReplacement;
        if (out.size() + piece.size() > max_bytes)
            break;
        out += piece;
        i += n ? n : 1;
    }
    return out;
}

}  // namespace coach
