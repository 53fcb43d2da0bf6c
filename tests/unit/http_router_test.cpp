// Router: a Prefetch runs before the caller is known, so only authenticated GET routes take one.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace coach::http {
namespace {

boost::asio::awaitable<Result<Response>> no_content(RequestContext&) {
    co_return Response{};
}

std::optional<db::Query> nothing(const RequestContext&) {
    return std::nullopt;
}

Route route(Verb method, std::string pattern, Access access) {
    return {method, std::move(pattern), no_content, access, kJsonBodyLimit, "test", 0, nothing};
}

TEST(Router, APrefetchIsOnlyForAuthenticatedGetRoutes) {
    Router router;
    EXPECT_NO_THROW(router.add(route(Verb::get, "/api/v1/a/{id}", Access::Authenticated)));
    EXPECT_THROW(router.add(route(Verb::post, "/api/v1/a/{id}", Access::Authenticated)),
                 std::logic_error);
    EXPECT_THROW(router.add(route(Verb::get, "/api/v1/b", Access::Public)), std::logic_error);
    EXPECT_EQ(router.routes().size(), 1u);
    RouteMatch m = router.match(Verb::get, "/api/v1/a/42");
    ASSERT_NE(m.route, nullptr);
    EXPECT_TRUE(m.route->prefetch);
}

}  // namespace
}  // namespace coach::http
