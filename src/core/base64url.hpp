#pragma once
// base64url without padding (alphabet A-Z a-z 0-9 - _): random tokens and paging cursors.
#include <optional>
#include <string>
#include <string_view>

namespace coach {

// 3 bytes -> 4 characters; a trailing 1 or 2 bytes -> 2 or 3 characters ("" -> "").
std::string base64url_encode(std::string_view data);

// The bytes of `text`; nullopt when it holds a character outside the alphabet. Bits left over
// after the last whole byte are ignored.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace coach
