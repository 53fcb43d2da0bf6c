#include "core/base64url.hpp"

namespace coach {

namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string base64url_encode(std::string_view data) {
    std::string out;
    out.reserve((data.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16U) |
                           (static_cast<unsigned char>(data[i + 1]) << 8U) |
                           static_cast<unsigned char>(data[i + 2]);
        out += kBase64Url[(v >> 18U) & 0x3FU];
        out += kBase64Url[(v >> 12U) & 0x3FU];
        out += kBase64Url[(v >> 6U) & 0x3FU];
        out += kBase64Url[v & 0x3FU];
    }
    const std::size_t rest = data.size() - i;
    if (rest == 1) {
        const unsigned v = static_cast<unsigned char>(data[i]) << 16U;
        out += kBase64Url[(v >> 18U) & 0x3FU];
        out += kBase64Url[(v >> 12U) & 0x3FU];
    } else if (rest == 2) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16U) |
                           (static_cast<unsigned char>(data[i + 1]) << 8U);
        out += kBase64Url[(v >> 18U) & 0x3FU];
        out += kBase64Url[(v >> 12U) & 0x3FU];
        out += kBase64Url[(v >> 6U) & 0x3FU];
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        auto pos = kBase64Url.find(c);
        if (pos == std::string_view::npos)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

}  // namespace coach
