#include "core/crypto.hpp"

#include "core/base64url.hpp"
#include "core/hex.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <stdexcept>
#include <vector>

namespace coach {

std::string random_token(std::size_t bytes) {
    if (bytes == 0) {
        return {};
    }
    if (bytes > static_cast<std::size_t>(INT_MAX)) {
        throw std::length_error("random_token: too many bytes requested");
    }
    std::vector<unsigned char> buffer(bytes);
    if (RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1) {
        throw std::runtime_error("random_token: OpenSSL RAND_bytes failed");
    }
    std::string encoded = base64url_encode(
        std::string_view(reinterpret_cast<const char*>(buffer.data()), buffer.size()));
    OPENSSL_cleanse(buffer.data(), buffer.size());
    return encoded;
}

std::array<unsigned char, 32> sha256(std::string_view data) {
    std::array<unsigned char, 32> digest{};
    unsigned int length = 0;
    // EVP_Digest with SHA-256 cannot fail short of memory exhaustion inside OpenSSL.
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
        length != digest.size()) {
        throw std::runtime_error("sha256: OpenSSL EVP_Digest failed");
    }
    return digest;
}

std::string sha256_hex(std::string_view data) {
    return to_hex(sha256(data));
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    if (a.empty()) {
        return true;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace coach
