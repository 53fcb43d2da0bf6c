#include "core/utf8.hpp"

namespace coach {

std::size_t utf8_length(std::string_view s) noexcept {
    constexpr auto kBad = std::string_view::npos;
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        const unsigned char c = byte(0);
        if (c < 0x80) {
            if (c == 0)
                return kBad;
            ++i;
            continue;
        }
        // The length of the sequence and the range of its second byte (RFC 3629, section 4):
        // the narrower ranges after E0, ED, F0 and F4 exclude overlong forms, surrogates and
        // code points above U+10FFFF.
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
            return kBad;
        }
        if (i + n > s.size() || byte(1) < low || byte(1) > high)
            return kBad;
        for (std::size_t k = 2; k < n; ++k)
            if (byte(k) < 0x80 || byte(k) > 0xBF)
                return kBad;
        i += n;
    }
    return count;
}

}  // namespace coach
