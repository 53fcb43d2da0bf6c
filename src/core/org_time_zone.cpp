#include "core/org_time_zone.hpp"

#include <fmt/format.h>

namespace coach {

std::string OrgTimeZone::name() const {
    std::lock_guard lock(mutex_);
    return name_;
}

std::string OrgTimeZone::today(std::chrono::system_clock::time_point now) const {
    namespace chr = std::chrono;
    chr::seconds offset;
    {
        std::lock_guard lock(mutex_);
        offset = utc_offset_;
    }
    chr::year_month_day ymd{chr::floor<chr::days>(now + offset)};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

bool OrgTimeZone::update(const std::string& name, std::chrono::seconds utc_offset) {
    std::lock_guard lock(mutex_);
    utc_offset_ = utc_offset;
    if (name == name_)
        return false;
    name_ = name;
    generation_.fetch_add(1, std::memory_order_acq_rel);
    return true;
}

}  // namespace coach
