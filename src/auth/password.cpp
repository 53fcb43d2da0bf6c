#include "auth/password.hpp"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace coach::auth {

namespace {

constexpr int kMinCost = 4;
constexpr int kMaxCost = 31;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kBcryptHashLength = 60;

// crypt_data is large (~32 KiB): keep it off the stack and wipe it after use.
struct CryptDataDeleter {
    void operator()(crypt_data* data) const noexcept {
        OPENSSL_cleanse(data, sizeof(crypt_data));
        delete data;
    }
};
using CryptData = std::unique_ptr<crypt_data, CryptDataDeleter>;

CryptData make_crypt_data() {
    return CryptData(new crypt_data{});  // value-initialized: crypt_r requires zeroed memory
}

// A NUL-terminated copy of a secret that is wiped when it goes out of scope.
class SecretCString {
  public:
    explicit SecretCString(std::string_view text) : text_(text) {}
    SecretCString(const SecretCString&) = delete;
    SecretCString& operator=(const SecretCString&) = delete;
    ~SecretCString() { OPENSSL_cleanse(text_.data(), text_.size()); }
    const char* c_str() const noexcept { return text_.c_str(); }

  private:
    std::string text_;
};

bool is_bcrypt_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '/';
}

// "$2a$", "$2b$" or "$2y$", two cost digits, '$', 53 characters of bcrypt base64.
bool looks_like_bcrypt(std::string_view hash) {
    if (hash.size() != kBcryptHashLength) {
        return false;
    }
    if (hash[0] != '$' || hash[1] != '2' || (hash[2] != 'a' && hash[2] != 'b' && hash[2] != 'y') ||
        hash[3] != '$' || hash[6] != '$') {
        return false;
    }
    if (hash[4] < '0' || hash[4] > '9' || hash[5] < '0' || hash[5] > '9') {
        return false;
    }
    const int cost = (hash[4] - '0') * 10 + (hash[5] - '0');
    if (cost < kMinCost || cost > kMaxCost) {
        return false;
    }
    for (std::size_t i = 7; i < hash.size(); ++i) {
        if (!is_bcrypt_char(hash[i])) {
            return false;
        }
    }
    return true;
}

// crypt_r signals failure with a null pointer or a string starting with '*' ("*0", "*1").
bool is_crypt_failure(const char* result) {
    return result == nullptr || result[0] == '*';
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        // Every byte except UTF-8 continuation bytes (10xxxxxx) starts a code point.
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++count;
        }
    }
    return count;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string hash_password(std::string_view plain, int cost) {
    if (cost < kMinCost || cost > kMaxCost || plain.find('\0') != std::string_view::npos) {
        return {};
    }
    std::array<unsigned char, kSaltBytes> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
        throw std::runtime_error("hash_password: OpenSSL RAND_bytes failed");
    }
    std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
    const char* salt = crypt_gensalt_rn(
        "$2b$", static_cast<unsigned long>(cost), reinterpret_cast<const char*>(random.data()),
        static_cast<int>(random.size()), setting.data(), setting.size());
    OPENSSL_cleanse(random.data(), random.size());
    if (salt == nullptr || salt[0] == '*') {
        return {};
    }
    const SecretCString secret(plain);
    CryptData data = make_crypt_data();
    const char* result = crypt_r(secret.c_str(), salt, data.get());
    if (is_crypt_failure(result)) {
        return {};
    }
    std::string hash(result);
    if (!looks_like_bcrypt(hash)) {
        return {};
    }
    return hash;
}

bool verify_password(std::string_view plain, std::string_view hash) {
    if (!looks_like_bcrypt(hash) || plain.find('\0') != std::string_view::npos) {
        return false;
    }
    const SecretCString secret(plain);
    const std::string setting(hash);
    CryptData data = make_crypt_data();
    const char* result = crypt_r(secret.c_str(), setting.c_str(), data.get());
    if (is_crypt_failure(result)) {
        return false;
    }
    return constant_time_equal(result, hash);
}

namespace {

// One character (code point) over and over: "aaaaaaaaaaaa", "éééééééééé".
bool one_repeated_character(std::string_view plain) {
    const auto lead = static_cast<unsigned char>(plain.front());
    const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (n > plain.size() || plain.size() % n != 0)
        return false;
    for (std::size_t i = n; i < plain.size(); i += n)
        if (plain.substr(i, n) != plain.substr(0, n))
            return false;
    return true;
}

// Letters or digits each one after the previous, up or down, the digits as on a keyboard's top
// row ("1234567890", "0987654321"): "abcdefghij", "ZYXWVUTSRQ".
bool ascii_run(std::string_view plain) {
    auto follows = [](unsigned char prev, unsigned char next, int step) {
        if (std::isalnum(next) == 0)
            return false;
        if (step == 1 && prev == '9')
            return next == '0';
        if (step == -1 && prev == '0')
            return next == '9';
        return next == prev + step;
    };
    for (int step : {1, -1}) {
        bool run = std::isalnum(static_cast<unsigned char>(plain.front())) != 0;
        for (std::size_t i = 1; i < plain.size() && run; ++i)
            run = follows(static_cast<unsigned char>(plain[i - 1]),
                          static_cast<unsigned char>(plain[i]), step);
        if (run)
            return true;
    }
    return false;
}

}  // namespace

namespace {

// Written once by load_common_passwords before the threads start; read-only afterwards.
std::unordered_set<std::string>& common_passwords() {
    static std::unordered_set<std::string> set;
    return set;
}

// "Password2024!" -> "password": a common word with what people add to pass a length rule.
bool is_common(std::string_view plain) {
    const auto& set = common_passwords();
    if (set.empty())
        return false;
    std::string lower = ascii_lower(plain);
    if (set.contains(lower))
        return true;
    // Every cut within the trailing digits and symbols: "trustno1!!!!" -> "trustno1".
    for (std::size_t end = lower.size();
         end > 4 && !std::isalpha(static_cast<unsigned char>(lower[end - 1]));)
        if (set.contains(lower.substr(0, --end)))
            return true;
    return false;
}

}  // namespace

bool load_common_passwords() {
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in{std::string(kCommonPasswordsFile)};
        auto& set = common_passwords();
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!line.empty() && !line.starts_with("#!"))
                set.insert(ascii_lower(line));
        }
    });
    return !common_passwords().empty();
}

std::optional<std::string> password_policy_violation(std::string_view plain,
                                                     std::string_view email) {
    if (count_code_points(plain) < kMinPasswordCodePoints) {
        return "The password must be at least 10 characters long.";
    }
    if (plain.size() > kMaxPasswordBytes) {
        return "The password must be at most 72 bytes long (fewer characters if it uses "
               "accented letters or symbols).";
    }
    if (plain.find('\0') != std::string_view::npos) {
        return "The password must not contain a NUL character.";
    }
    if (one_repeated_character(plain) || ascii_run(plain)) {
        return "The password must not be one character repeated or a run such as "
               "\"abcdefghij\" or \"1234567890\".";
    }
    if (is_common(plain)) {
        return "The password is one of the most common passwords (or one with digits or symbols "
               "added); choose a less predictable one.";
    }
    if (!email.empty()) {
        if (equals_ignoring_ascii_case(plain, email)) {
            return "The password must not be the same as the email address.";
        }
        const std::size_t at = email.rfind('@');
        const std::string_view local = at == std::string_view::npos ? email : email.substr(0, at);
        if (!local.empty() && equals_ignoring_ascii_case(plain, local)) {
            return "The password must not be the same as the name in the email address.";
        }
    }
    return std::nullopt;
}

const std::string& dummy_hash() {
    static const std::string hash = hash_password(random_token(32), kDefaultBcryptCost);
    return hash;
}

}  // namespace coach::auth
