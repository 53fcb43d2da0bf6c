#pragma once
#include <boost/beast/http.hpp>

namespace coach::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;
using Verb = beast_http::verb;

// Public routes (sign-in, password reset) read their body before knowing the caller: small.
inline constexpr std::size_t kPublicBodyLimit = std::size_t{16} * 1024;
inline constexpr std::size_t kJsonBodyLimit = std::size_t{1024} * 1024;         // 1 MiB
inline constexpr std::size_t kUploadBodyLimit = std::size_t{50} * 1024 * 1024;  // imports

}  // namespace coach::http
