#pragma once
// One area's part of the API description: the text of src/<area>/api.json, compiled in
// (cmake/embed_api.cmake; its format: docs/architecture.md, "API description").
#include <string_view>

namespace coach::ops {

struct ApiFragment {
    std::string_view area;
    std::string_view text;
};

}  // namespace coach::ops
