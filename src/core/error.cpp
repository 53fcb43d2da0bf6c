#include "core/error.hpp"

#include <stdexcept>

namespace coach {

int http_status(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadRequest:
            return 400;
        case ErrorCode::Unauthorized:
            return 401;
        case ErrorCode::Forbidden:
            return 403;
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::MethodNotAllowed:
            return 405;
        case ErrorCode::Conflict:
            return 409;
        case ErrorCode::PreconditionRequired:
            return 428;
        case ErrorCode::PayloadTooLarge:
            return 413;
        case ErrorCode::UnsupportedMediaType:
            return 415;
        case ErrorCode::ValidationFailed:
            return 422;
        case ErrorCode::RateLimited:
            return 429;
        case ErrorCode::Internal:
            return 500;
        case ErrorCode::Unavailable:
            return 503;
        case ErrorCode::InsufficientStorage:
            return 507;
    }
    return 500;
}

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::BadRequest:
            return "bad_request";
        case ErrorCode::Unauthorized:
            return "unauthorized";
        case ErrorCode::Forbidden:
            return "forbidden";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::MethodNotAllowed:
            return "method_not_allowed";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::PreconditionRequired:
            return "precondition_required";
        case ErrorCode::PayloadTooLarge:
            return "payload_too_large";
        case ErrorCode::UnsupportedMediaType:
            return "unsupported_media_type";
        case ErrorCode::ValidationFailed:
            return "validation_failed";
        case ErrorCode::RateLimited:
            return "rate_limited";
        case ErrorCode::Internal:
            return "internal";
        case ErrorCode::Unavailable:
            return "unavailable";
        case ErrorCode::InsufficientStorage:
            return "insufficient_storage";
    }
    return "internal";
}

Error validation_error(std::vector<FieldError> details) {
    Error e = make_error(ErrorCode::ValidationFailed, "The request has invalid fields.");
    e.details = std::move(details);
    return e;
}

Error not_found() {
    return make_error(ErrorCode::NotFound, "Not found.");
}

void throw_exception_from_error(const Error& e, const boost::source_location&) {
    throw std::runtime_error(e.message);
}

}  // namespace coach
