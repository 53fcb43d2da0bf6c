#pragma once
// Login throttling per account and per client address: a sliding window of failures. In
// memory, per instance (each instance of a scaled-out deployment throttles on its own).
#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace coach::auth {

class LoginThrottle {
  public:
    using Clock = std::chrono::steady_clock;
    struct Limits {
        std::size_t per_account = 5;   // failures per window for one email
        std::size_t per_address = 30;  // failures per window from one address
        std::chrono::seconds window{15 * 60};
    };
    LoginThrottle() = default;
    explicit LoginThrottle(Limits limits) : limits_(limits) {}

    // Seconds to wait when the account or address is locked out, else nullopt.
    std::optional<int> blocked(const std::string& account, const std::string& address,
                               Clock::time_point now = Clock::now());
    void record_failure(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
    void record_success(const std::string& account);

  private:
    using Window = std::deque<Clock::time_point>;
    std::optional<int> check(std::unordered_map<std::string, Window>& map, const std::string& key,
                             std::size_t limit, Clock::time_point now);
    void sweep(Clock::time_point now);

    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> accounts_;
    std::unordered_map<std::string, Window> addresses_;
    std::size_t calls_ = 0;
};

}  // namespace coach::auth
