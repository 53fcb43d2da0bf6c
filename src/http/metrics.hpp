#pragma once
// Prometheus counters: requests by route and status, a latency histogram per route, pool use.
// Lock-free (relaxed atomics); the route table is fixed before serving starts.
#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "db/pool.hpp"

namespace coach::http {

class Router;

class Metrics {
  public:
    static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                        0.025,  0.05,  0.1,    0.5,   2.5};
    explicit Metrics(std::size_t routes);
    // route == routes() means "no route" (static files, 404s).
    void observe(std::size_t route, unsigned status, std::chrono::nanoseconds elapsed);
    std::size_t no_route() const { return routes_; }

    std::string render(const Router& router, const std::vector<db::PoolStats>& pools) const;

  private:
    struct PerRoute {
        std::array<std::atomic<std::uint64_t>, 600> by_status{};
        std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
        std::atomic<std::uint64_t> count{0};
        std::atomic<std::uint64_t> sum_ns{0};
    };
    std::size_t routes_;
    std::unique_ptr<PerRoute[]> per_route_;
};

}  // namespace coach::http
