#include "settings/store.hpp"

#include "db/advisory_locks.hpp"
#include "db/columns.hpp"
#include "settings/sql.hpp"

namespace coach::settings {
namespace {

// The settings row's key of the time zone (job_timezone() reads it).
constexpr std::string_view kTimeZoneKey = "timezone";

Result<std::string> json_of(const db::PgResult& r) {
    if (r.rows() != 1)
        return make_error(ErrorCode::Internal, "the settings statement returned no row");
    return std::string(r.get(0, db::column(r, "json")));
}

}  // namespace

awaitable<Result<std::string>> find_settings(db::Pool& pool, const std::string& zone) {
    auto r = co_await pool.query(sql::find_settings, db::params(zone));
    if (!r)
        co_return r.error();
    co_return json_of(*r);
}

awaitable<Result<LockedSettings>> lock_settings(db::Transaction& tx, const std::string& zone,
                                                const std::string& fallback) {
    std::vector<db::Query> queries;
    queries.push_back({sql::known_time_zone, db::params(zone)});
    queries.push_back({sql::lock_setting, db::params(db::locks::kSetting, kTimeZoneKey)});
    queries.push_back({sql::current_settings, db::params(fallback)});
    auto r = co_await tx.pipeline(std::move(queries));
    if (!r)
        co_return r.error();
    const db::PgResult& known = (*r)[0];
    auto json = json_of((*r)[2]);
    if (!json)
        co_return json.error();
    co_return LockedSettings{known.rows() == 1 && known.get_bool(0, db::column(known, "known")),
                             std::move(*json)};
}

awaitable<Result<SavedSettings>> save_time_zone(db::Transaction& tx, const std::string& zone,
                                                const std::string& actor) {
    auto r = co_await tx.query(sql::save_time_zone, db::params(zone, actor));
    if (!r)
        co_return r.error();
    const db::PgResult& saved = *r;
    auto json = json_of(saved);
    if (!json)
        co_return json.error();
    co_return SavedSettings{std::string(saved.get(0, db::column(saved, "id"))), std::move(*json)};
}

}  // namespace coach::settings
