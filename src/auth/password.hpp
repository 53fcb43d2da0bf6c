// Password hashing (bcrypt "$2b$" through libcrypt) and the password policy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace coach::auth {

// The schema's bcrypt cost.
inline constexpr int kDefaultBcryptCost = 12;

// bcrypt only reads the first 72 bytes of a password.
inline constexpr std::size_t kMaxPasswordBytes = 72;

// Minimum password length in Unicode code points.
inline constexpr std::size_t kMinPasswordCodePoints = 10;

// A fresh "$2b$<cost>$..." bcrypt hash of `plain` with a 16-byte salt from the OpenSSL CSPRNG.
// Thread-safe (crypt_r with a per-call crypt_data). Slow by design: call it off the I/O threads.
// Returns "" when it cannot hash: cost outside 4..31 or `plain` containing a NUL byte.
// Throws std::runtime_error only if the CSPRNG fails (never expected).
std::string hash_password(std::string_view plain, int cost = kDefaultBcryptCost);

// True when `plain` matches the bcrypt hash `hash` ("$2a$", "$2b$" or "$2y$", 60 characters).
// Compares in constant time. False, never a crash, for anything malformed: empty, garbage,
// other crypt schemes, failure tokens such as "*0", or a `plain` containing a NUL byte.
// Thread-safe and slow by design, like hash_password.
bool verify_password(std::string_view plain, std::string_view hash);

// The list of common passwords the policy refuses: Debian's john-data (John the Ripper's
// password.lst, 3,500 passwords people pick first), installed by scripts/bootstrap.
inline constexpr std::string_view kCommonPasswordsFile = "/usr/share/john/password.lst";

// Reads the list (lines; "#!comment" lines skipped) for password_policy_violation, the first
// time only: call it at start-up, before threads use the policy (App's constructor does).
// False when the file cannot be read: the policy then checks no list.
bool load_common_passwords();

// Why `plain` may not be used as the password of the account `email`, as a human sentence,
// or nullopt when it is acceptable. Rules: at least 10 characters (UTF-8 code points), at most
// 72 bytes, no NUL byte, not one character repeated nor a run of letters or digits ("abcdefghij",
// "0987654321"), not equal (ignoring ASCII case) to the email nor to its local part, not a
// common password (load_common_passwords) even with digits or symbols added at its end
// ("Password2024!", "qwertyuiop").
std::optional<std::string> password_policy_violation(std::string_view plain,
                                                     std::string_view email);

// A valid "$2b$12$" hash of a random secret, computed once on first use (thread-safe).
// Verify against it when the email is unknown so both paths take the same time.
const std::string& dummy_hash();

}  // namespace coach::auth
