#include "http/router.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/pct_string_view.hpp>

#include <stdexcept>

namespace coach::http {
namespace {

std::vector<std::string_view> split(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            ++i;
            continue;
        }
        auto j = path.find('/', i);
        if (j == std::string_view::npos)
            j = path.size();
        out.push_back(path.substr(i, j - i));
        i = j;
    }
    return out;
}

bool is_param(std::string_view s) {
    return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

}  // namespace

void Router::add(Route route) {
    if (route.prefetch && (route.method != Verb::get || route.access != Access::Authenticated))
        throw std::logic_error("a Prefetch is for authenticated GET routes: " + route.pattern);
    if (route.access == Access::Public && route.body_limit > kPublicBodyLimit)
        throw std::logic_error(
            "a public route reads its body before knowing the caller: at "
            "most kPublicBodyLimit: " +
            route.pattern);
    if (route.admit && route.access != Access::Authenticated)
        throw std::logic_error("an Admit checks an authenticated caller: " + route.pattern);
    route.index = routes_.size();
    std::vector<std::string> segs;
    for (auto s : split(route.pattern))
        segs.emplace_back(s);
    segments_.push_back(std::move(segs));
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(Verb method, std::string_view path) const {
    auto parts = split(path);
    RouteMatch result;
    for (std::size_t r = 0; r < routes_.size(); ++r) {
        const auto& segs = segments_[r];
        if (segs.size() != parts.size())
            continue;
        std::vector<std::pair<std::string_view, std::string>> params;
        bool ok = true;
        for (std::size_t i = 0; i < segs.size() && ok; ++i) {
            if (is_param(segs[i])) {
                std::string_view name(segs[i]);
                name = name.substr(1, name.size() - 2);
                auto pct = boost::urls::make_pct_string_view(parts[i]);
                if (!pct) {  // malformed percent-encoding: no route has such a path
                    ok = false;
                    break;
                }
                auto decoded = **pct;
                params.emplace_back(name, std::string(decoded.begin(), decoded.end()));
            } else {
                ok = segs[i] == parts[i];
            }
        }
        if (!ok)
            continue;
        const Verb m = routes_[r].method;
        if (m == method || (method == Verb::head && m == Verb::get)) {
            result.route = &routes_[r];
            result.params = std::move(params);
            return result;
        }
        if (!result.allow.empty())
            result.allow += ", ";
        result.allow += std::string(beast_http::to_string(m));
    }
    return result;
}

}  // namespace coach::http
