#include "http/upload_slots.hpp"

namespace coach::http {

std::optional<UploadSlots::Slot> UploadSlots::try_take(const std::string& user) {
    std::lock_guard lock(mutex_);
    std::size_t& mine = per_user_[user];
    if (total_ >= max_total_ || mine >= kPerUser) {
        if (mine == 0)
            per_user_.erase(user);
        return std::nullopt;
    }
    ++total_;
    ++mine;
    return Slot(*this, user);
}

void UploadSlots::release(const std::string& user) {
    std::lock_guard lock(mutex_);
    --total_;
    if (auto it = per_user_.find(user); it != per_user_.end() && --it->second == 0)
        per_user_.erase(it);
}

}  // namespace coach::http
