#include "app/time_zone_watch.hpp"

#include "app/sql.hpp"
#include "db/columns.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/use_awaitable.hpp>

#include <charconv>

namespace coach {
namespace asio = boost::asio;

namespace {

Result<void> record(const db::PgResult& r, OrgTimeZone& zone) {
    if (r.rows() != 1)
        return make_error(ErrorCode::Internal, "job_timezone() returned no row");
    std::string name(r.get(0, db::column(r, "timezone")));
    auto offset_text = r.get(0, db::column(r, "utc_offset"));
    long offset = 0;
    std::from_chars(offset_text.data(), offset_text.data() + offset_text.size(), offset);
    if (zone.update(name, std::chrono::seconds(offset)))
        spdlog::info("the organisation's time zone is {} (dates and database sessions)", name);
    return {};
}

}  // namespace

Result<void> resolve_time_zone(db::SyncConnection& conn, const std::string& fallback,
                               OrgTimeZone& zone) {
    auto r = conn.exec(app::sql::resolve_time_zone, db::params(fallback));
    if (!r)
        return r.error();
    return record(*r, zone);
}

asio::awaitable<void> check_time_zone(db::Pool& pool, OrgTimeZone& zone,
                                      const std::string& fallback) {
    auto r = co_await pool.query(app::sql::resolve_time_zone, db::params(fallback));
    Result<void> recorded = r ? record(*r, zone) : Result<void>(r.error());
    // During an outage the zone stays as it was; the next check tries again.
    if (!recorded && recorded.error().code != ErrorCode::Unavailable)
        spdlog::warn("time zone check: {}", recorded.error().message);
}

}  // namespace coach
