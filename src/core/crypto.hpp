#pragma once
// OpenSSL's primitives as the layers above use them: SHA-256 (session and reset token hashes,
// migration checksums, ETags), random tokens and constant-time comparison of secrets.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

// SHA-256 digest of `data`.
std::array<unsigned char, 32> sha256(std::string_view data);

// SHA-256 digest of `data` as 64 lowercase hex characters.
std::string sha256_hex(std::string_view data);

// `bytes` bytes from the OpenSSL CSPRNG, encoded as base64url without padding
// (alphabet A-Z a-z 0-9 - _; 32 bytes -> 43 characters; 0 bytes -> "").
// Throws std::runtime_error only if the CSPRNG itself fails (never expected); it never
// returns a weak or empty token for bytes > 0.
std::string random_token(std::size_t bytes = 32);

// True when a and b hold the same bytes. The time taken depends only on the lengths,
// never on the contents (lengths are not treated as secret).
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace coach
