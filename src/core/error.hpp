#pragma once
// One error type for every module edge; the HTTP edge turns it into the JSON shape of
// docs/architecture.md, "Errors".
#include <boost/system/result.hpp>

#include <optional>
#include <source_location>
#include <string>
#include <vector>

namespace coach {

enum class ErrorCode {
    BadRequest,            // 400 malformed request
    Unauthorized,          // 401 not signed in
    Forbidden,             // 403 role may not do this
    NotFound,              // 404 not found or outside the caller's scope
    MethodNotAllowed,      // 405
    Conflict,              // 409 duplicate, invalid state transition, changed file
    PreconditionRequired,  // 428 a write of a versioned resource without If-Match
    PayloadTooLarge,       // 413
    UnsupportedMediaType,  // 415
    ValidationFailed,      // 422
    RateLimited,           // 429 (retry_after_seconds set)
    Internal,              // 500: a bug
    Unavailable,           // 503 database unavailable (retry_after_seconds set)
    InsufficientStorage,   // 507 the server's disk is full: nothing was kept
};

struct FieldError {
    std::string field;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::vector<FieldError> details;
    std::optional<int> retry_after_seconds;
    // Set by the database module for SQL errors (SQLSTATE and violated constraint).
    std::string sqlstate;
    std::string constraint;
};

template <class T>
using Result = boost::system::result<T, Error>;

int http_status(ErrorCode code);
std::string_view error_code_name(ErrorCode code);  // "validation_failed", ...

inline Error make_error(ErrorCode code, std::string message) {
    return Error{code, std::move(message), {}, std::nullopt, {}, {}};
}
Error validation_error(std::vector<FieldError> details);
Error not_found();

// Lets Result<T>::value() throw when used on an error (a bug path; handlers check first).
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

}  // namespace coach
