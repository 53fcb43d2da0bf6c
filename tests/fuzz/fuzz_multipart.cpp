// multipart_boundary and find_multipart_file (src/imports/multipart.hpp) on arbitrary bytes:
// the input's first line is the Content-Type header, the rest the body. A part found must be a
// view into the body.
#include "check.hpp"
#include "imports/multipart.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void find(std::string_view body, std::string_view boundary, std::string_view field) {
    std::string error;
    auto part = coach::imports::find_multipart_file(body, boundary, field, error);
    if (!part) {
        FUZZ_CHECK(!error.empty());
        return;
    }
    if (!part->content.empty()) {
        FUZZ_CHECK(part->content.data() >= body.data());
        FUZZ_CHECK(part->content.data() + part->content.size() <= body.data() + body.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A copy of exactly the input's size, so ASan sees any read past the body's end.
    const std::string input(reinterpret_cast<const char*>(data), size);
    std::string_view all(input);
    auto eol = all.find('\n');
    std::string_view header = all.substr(0, eol);
    std::string_view body =
        eol == std::string_view::npos ? std::string_view() : all.substr(eol + 1);
    if (auto boundary = coach::imports::multipart_boundary(header)) {
        find(body, *boundary, "file");
        find(body, *boundary, "");
    }
    // The whole input as a body with a fixed boundary (the corpus uses it too), so the body
    // parser is fuzzed even when the header line does not parse.
    find(all, "XyZ", "file");
    return 0;
}
