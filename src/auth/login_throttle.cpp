#include "auth/login_throttle.hpp"

#include <algorithm>

namespace coach::auth {

namespace {

int seconds_until(LoginThrottle::Clock::time_point then, LoginThrottle::Clock::time_point now) {
    auto wait = std::chrono::ceil<std::chrono::seconds>(then - now);
    return std::max<int>(1, static_cast<int>(wait.count()));
}

}  // namespace

std::string LoginThrottle::pair_key(const std::string& account, const std::string& address) {
    return account + '\n' + address;  // neither holds a newline (an id or email; an IP)
}

void LoginThrottle::trim(Window& w, Clock::time_point now, std::chrono::seconds window) {
    while (!w.empty() && w.front() + window <= now)
        w.pop_front();
}

std::chrono::seconds LoginThrottle::delay_after(std::size_t failures) const {
    if (failures <= limits_.free_failures)
        return std::chrono::seconds{0};
    std::size_t doublings = std::min<std::size_t>(failures - limits_.free_failures - 1, 30);
    auto delay = limits_.first_delay * (std::int64_t{1} << doublings);
    return std::min(delay, limits_.max_delay);
}

std::optional<LoginThrottle::Refusal> LoginThrottle::check(const std::string& account,
                                                           const std::string& address,
                                                           Clock::time_point now) {
    std::lock_guard lock(mutex_);
    if (auto it = accounts_.find(account); it != accounts_.end()) {
        trim(it->second, now, limits_.account_window);
        if (it->second.size() >= limits_.account_ceiling)
            return Refusal{seconds_until(it->second.front() + limits_.account_window, now), true};
    }
    const Pair* pair = nullptr;
    if (auto it = pairs_.find(pair_key(account, address)); it != pairs_.end()) {
        pair = &it->second;
        auto until = pair->last_failure + delay_after(pair->failures);
        if (now < until)
            return Refusal{seconds_until(until, now), false};
    }
    bool known = pair && pair->last_success && *pair->last_success + limits_.known_for > now;
    if (auto it = addresses_.find(address); it != addresses_.end() && !known) {
        trim(it->second, now, limits_.address_window);
        if (it->second.size() >= limits_.per_address)
            return Refusal{seconds_until(it->second.front() + limits_.address_window, now), false};
    }
    return std::nullopt;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address,
                                   Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Pair& pair = pairs_[pair_key(account, address)];
    if (pair.failures > 0 && pair.last_failure + limits_.pair_memory <= now)
        pair.failures = 0;
    ++pair.failures;
    pair.last_failure = now;
    accounts_[account].push_back(now);
    addresses_[address].push_back(now);
    if (++calls_ % 1024 == 0)
        sweep(now);
}

void LoginThrottle::record_success(const std::string& account, const std::string& address,
                                   Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Pair& pair = pairs_[pair_key(account, address)];
    pair.failures = 0;
    pair.last_success = now;
}

void LoginThrottle::forget_account(const std::string& account) {
    std::lock_guard lock(mutex_);
    accounts_.erase(account);
    const std::string prefix = account + '\n';
    std::erase_if(pairs_, [&](const auto& kv) { return kv.first.starts_with(prefix); });
}

void LoginThrottle::sweep(Clock::time_point now) {
    std::erase_if(accounts_, [&](const auto& kv) {
        return kv.second.empty() || kv.second.back() + limits_.account_window <= now;
    });
    std::erase_if(addresses_, [&](const auto& kv) {
        return kv.second.empty() || kv.second.back() + limits_.address_window <= now;
    });
    std::erase_if(pairs_, [&](const auto& kv) {
        const Pair& p = kv.second;
        bool failures_live = p.failures > 0 && p.last_failure + limits_.pair_memory > now;
        bool success_live = p.last_success && *p.last_success + limits_.known_for > now;
        return !failures_live && !success_live;
    });
}

}  // namespace coach::auth
