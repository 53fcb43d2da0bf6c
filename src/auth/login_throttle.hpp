#pragma once
// Sign-in throttling (docs/domain.md, "Sign-in throttling"). In memory, per instance (each
// instance of a scaled-out deployment throttles on its own). Three rules:
//  - account + address: a few free failures, then a delay that doubles with each failure, so
//    a guesser slows down while the owner, from any other address, signs in as usual;
//  - account: a ceiling of failures from all addresses together, after which only a password
//    reset (forget_account) lets anyone sign in to it;
//  - address: a ceiling of failures, which stops guessing across many accounts but never the
//    accounts that signed in from that address before (colleagues behind one office NAT).
// `account` is the user's id when the email names one (the database's case folding decides),
// else the email as typed: there is nothing to protect behind an unknown address.
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
        std::size_t free_failures = 3;              // per account and address, before a delay
        std::chrono::seconds first_delay{5};        // then 5 s, 10 s, 20 s ... doubling
        std::chrono::seconds max_delay{15 * 60};    // up to this
        std::chrono::seconds pair_memory{60 * 60};  // forgotten this long after the last one
        std::size_t account_ceiling = 50;           // failures from every address together
        std::chrono::seconds account_window{24 * 60 * 60};
        std::size_t per_address = 30;  // failures from one address
        std::chrono::seconds address_window{15 * 60};
        std::chrono::seconds known_for{30 * 24 * 60 * 60};  // a sign-in from an address
    };
    struct Refusal {
        int retry_after_seconds;
        bool reset_required;  // the account's ceiling: a wait will not do, a reset will
    };

    LoginThrottle() = default;
    explicit LoginThrottle(Limits limits) : limits_(limits) {}

    std::optional<Refusal> check(const std::string& account, const std::string& address,
                                 Clock::time_point now = Clock::now());
    void record_failure(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
    void record_success(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
    // A new password (a reset, a change): the account's failures no longer count.
    void forget_account(const std::string& account);

  private:
    using Window = std::deque<Clock::time_point>;
    struct Pair {
        std::size_t failures = 0;
        Clock::time_point last_failure;
        std::optional<Clock::time_point> last_success;
    };
    static std::string pair_key(const std::string& account, const std::string& address);
    static void trim(Window& w, Clock::time_point now, std::chrono::seconds window);
    std::chrono::seconds delay_after(std::size_t failures) const;
    void sweep(Clock::time_point now);

    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Pair> pairs_;
    std::unordered_map<std::string, Window> accounts_;
    std::unordered_map<std::string, Window> addresses_;
    std::size_t calls_ = 0;
};

}  // namespace coach::auth
