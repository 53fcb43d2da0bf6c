#include "auth/login_throttle.hpp"

#include <algorithm>

namespace coach::auth {

std::optional<int> LoginThrottle::check(std::unordered_map<std::string, Window>& map,
                                        const std::string& key, std::size_t limit,
                                        Clock::time_point now) {
    auto it = map.find(key);
    if (it == map.end())
        return std::nullopt;
    Window& w = it->second;
    while (!w.empty() && w.front() + limits_.window <= now)
        w.pop_front();
    if (w.size() < limit)
        return std::nullopt;
    auto wait = std::chrono::ceil<std::chrono::seconds>(w.front() + limits_.window - now);
    return std::max<int>(1, static_cast<int>(wait.count()));
}

std::optional<int> LoginThrottle::blocked(const std::string& account, const std::string& address,
                                          Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto a = check(accounts_, account, limits_.per_account, now);
    auto b = check(addresses_, address, limits_.per_address, now);
    if (a && b)
        return std::max(*a, *b);
    return a ? a : b;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address,
                                   Clock::time_point now) {
    std::lock_guard lock(mutex_);
    accounts_[account].push_back(now);
    addresses_[address].push_back(now);
    if (++calls_ % 1024 == 0)
        sweep(now);
}

void LoginThrottle::record_success(const std::string& account) {
    std::lock_guard lock(mutex_);
    accounts_.erase(account);
}

void LoginThrottle::sweep(Clock::time_point now) {
    for (auto* map : {&accounts_, &addresses_})
        std::erase_if(*map, [&](auto& kv) {
            return kv.second.empty() || kv.second.back() + limits_.window <= now;
        });
}

}  // namespace coach::auth
