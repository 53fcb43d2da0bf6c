#pragma once
// Uploads (routes whose body may exceed kJsonBodyLimit) held at once: in total and per user. A
// slot is taken after authentication and before the body is read (dispatch), and kept until the
// response is ready, so the bodies in memory are at most max_total uploads.
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace coach::http {

class UploadSlots {
  public:
    static constexpr std::size_t kPerUser = 2;
    explicit UploadSlots(std::size_t max_total) : max_total_(max_total) {}

    class Slot {
      public:
        Slot(UploadSlots& owner, std::string user) : owner_(&owner), user_(std::move(user)) {}
        Slot(Slot&& o) noexcept
            : owner_(std::exchange(o.owner_, nullptr)), user_(std::move(o.user_)) {}
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        Slot& operator=(Slot&& o) noexcept {
            if (this != &o) {
                reset();
                owner_ = std::exchange(o.owner_, nullptr);
                user_ = std::move(o.user_);
            }
            return *this;
        }
        ~Slot() { reset(); }

      private:
        void reset() {
            if (owner_)
                std::exchange(owner_, nullptr)->release(user_);
        }

        UploadSlots* owner_;
        std::string user_;
    };

    // nullopt when the user already holds kPerUser slots or every slot is taken.
    std::optional<Slot> try_take(const std::string& user);

  private:
    void release(const std::string& user);

    std::size_t max_total_;
    std::mutex mutex_;
    std::size_t total_ = 0;
    std::unordered_map<std::string, std::size_t> per_user_;
};

}  // namespace coach::http
