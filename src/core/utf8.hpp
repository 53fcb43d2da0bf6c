#pragma once
// UTF-8 as PostgreSQL accepts it in text: what every input (a request's query, body or header, a
// cell of an imported file) is checked against before it reaches a statement.
#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

// The number of characters (code points) of `s`, or std::string_view::npos when `s` is not
// well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing above U+10FFFF, no
// truncated sequence) or holds a NUL byte.
std::size_t utf8_length(std::string_view s) noexcept;

inline bool valid_utf8(std::string_view s) noexcept {
    return utf8_length(s) != std::string_view::npos;
}

// `s` with each byte that starts no well-formed sequence (and each NUL) replaced by U+FFFD, cut
// after at most `max_bytes` bytes on a character boundary: for text a client sends that is kept
// even when malformed (a User-Agent header in the audit log).
std::string to_valid_utf8(std::string_view s, std::size_t max_bytes);

}  // namespace coach
