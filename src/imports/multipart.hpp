#pragma once
// The file part of a multipart/form-data upload (RFC 7578), found without copying the body.
#include <optional>
#include <string>
#include <string_view>

namespace coach::imports {

struct FilePart {
    std::string_view content;  // a view into the body
    std::string filename;      // from Content-Disposition (may be empty)
    std::string content_type;  // of the part (may be empty)
};

// The boundary parameter of a multipart/form-data Content-Type, or nullopt.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The part named `field`; nullopt with `error` set when the body is malformed or has no such
// part.
std::optional<FilePart> find_multipart_file(std::string_view body, std::string_view boundary,
                                            std::string_view field, std::string& error);

}  // namespace coach::imports
