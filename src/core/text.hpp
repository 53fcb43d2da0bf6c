#pragma once
// Text helpers shared by every layer (HTTP headers, CSV cells, settings).
#include <string>
#include <string_view>

namespace coach {

// `s` without leading and trailing blanks: space, tab, CR, LF, and the no-break space U+00A0
// (UTF-8 C2 A0) that spreadsheets sometimes write.
std::string_view trim(std::string_view s);

// `s` with A-Z lowered, nothing else changed (emails as keys, media types, enum labels).
std::string ascii_lower(std::string_view s);

}  // namespace coach
