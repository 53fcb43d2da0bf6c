#pragma once
// Lowercase hexadecimal: the one encoder for digests, random ids and file hashes.
#include <span>
#include <string>
#include <string_view>

namespace coach {

// Two lowercase hex digits per byte, most significant nibble first ("\x0f\xa0" -> "0fa0").
std::string to_hex(std::span<const unsigned char> bytes);
std::string to_hex(std::string_view bytes);

}  // namespace coach
