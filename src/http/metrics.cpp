#include "http/metrics.hpp"

#include "http/router.hpp"

#include <fmt/format.h>

namespace coach::http {

Metrics::Metrics(std::size_t routes)
    : routes_(routes), per_route_(std::make_unique<PerRoute[]>(routes + 1)) {}

void Metrics::observe(std::size_t route, unsigned status, std::chrono::nanoseconds elapsed) {
    PerRoute& r = per_route_[std::min(route, routes_)];
    r.by_status[std::min(status, 599u)].fetch_add(1, std::memory_order_relaxed);
    r.count.fetch_add(1, std::memory_order_relaxed);
    r.sum_ns.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
    double seconds = std::chrono::duration<double>(elapsed).count();
    std::size_t b = 0;
    while (b < kBuckets.size() && seconds > kBuckets[b])
        ++b;
    r.buckets[b].fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::render(const Router& router, const std::vector<db::PoolStats>& pools) const {
    std::string out;
    out += "# HELP coach_http_requests_total HTTP requests by route and status.\n";
    out += "# TYPE coach_http_requests_total counter\n";
    auto name = [&](std::size_t i) {
        if (i >= routes_)
            return std::string("other");
        const Route& r = router.routes()[i];
        return std::string(beast_http::to_string(r.method)) + " " + r.pattern;
    };
    for (std::size_t i = 0; i <= routes_; ++i)
        for (unsigned s = 100; s < 600; ++s)
            if (auto v = per_route_[i].by_status[s].load(std::memory_order_relaxed))
                out += fmt::format("coach_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                                   name(i), s, v);
    out += "# HELP coach_http_request_duration_seconds Request latency by route.\n";
    out += "# TYPE coach_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i <= routes_; ++i) {
        const PerRoute& r = per_route_[i];
        auto count = r.count.load(std::memory_order_relaxed);
        if (!count)
            continue;
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < kBuckets.size(); ++b) {
            cumulative += r.buckets[b].load(std::memory_order_relaxed);
            out += fmt::format(
                "coach_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                name(i), kBuckets[b], cumulative);
        }
        out += fmt::format(
            "coach_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", name(i),
            count);
        out += fmt::format("coach_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", name(i),
                           static_cast<double>(r.sum_ns.load(std::memory_order_relaxed)) / 1e9);
        out += fmt::format("coach_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                           name(i), count);
    }
    out += "# HELP coach_db_pool_connections Database connections per I/O thread.\n";
    out += "# TYPE coach_db_pool_connections gauge\n";
    for (std::size_t t = 0; t < pools.size(); ++t) {
        out += fmt::format("coach_db_pool_connections{{thread=\"{}\",state=\"open\"}} {}\n", t,
                           pools[t].size);
        out += fmt::format("coach_db_pool_connections{{thread=\"{}\",state=\"in_use\"}} {}\n", t,
                           pools[t].in_use);
        out += fmt::format("coach_db_pool_waiting{{thread=\"{}\"}} {}\n", t, pools[t].waiting);
    }
    return out;
}

}  // namespace coach::http
