// Router::match (src/http/router.hpp) over the real route table (every pattern the modules
// add, extracted from src/*/routes.cpp at configure time: routes.inc) with arbitrary methods and
// paths: the first input byte picks the method, the rest is the path.
#include "check.hpp"
#include "http/router.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using coach::http::Verb;

struct Pattern {
    Verb method;
    std::string_view pattern;
};

constexpr Pattern kPatterns[] = {
#include "routes.inc"
};

const coach::http::Router& router() {
    static const coach::http::Router r = [] {
        coach::http::Router r;
        for (const auto& p : kPatterns)
            r.add({p.method, std::string(p.pattern), nullptr});
        return r;
    }();
    return r;
}

constexpr std::array kMethods = {Verb::get,     Verb::head,    Verb::post,    Verb::put,
                                 Verb::patch,   Verb::delete_, Verb::options, Verb::trace,
                                 Verb::connect, Verb::unknown};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const Verb method = kMethods[data[0] % kMethods.size()];
    // A copy of exactly the path's size, so ASan sees any read past its end.
    const std::string path(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto m = router().match(method, path);
    if (m.route) {
        FUZZ_CHECK(m.route->method == method ||
                   (method == Verb::head && m.route->method == Verb::get));
        // One value for each {name} of the pattern, each named by it.
        std::size_t braces = 0;
        for (char c : m.route->pattern)
            braces += c == '{';
        FUZZ_CHECK(m.params.size() == braces);
        for (const auto& [name, value] : m.params)
            FUZZ_CHECK(m.route->pattern.find("{" + std::string(name) + "}") != std::string::npos);
    } else {
        FUZZ_CHECK(m.params.empty());
    }
    return 0;
}
