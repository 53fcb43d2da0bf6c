#pragma once
// The settings area's statements (src/settings/sql/), run and read by column name. Today the
// organisation's one setting is its time zone, the settings row 'timezone' (a JSON string),
// which job_timezone() (migrations 0004, 0010) resolves for the whole server.
#include "db/pool.hpp"
#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>

namespace coach::settings {

using boost::asio::awaitable;

// The settings' JSON (time_zone, updated_at, updated_by), `zone` being the zone this server
// runs in (OrgTimeZone::name()).
awaitable<Result<std::string>> find_settings(db::Pool& pool, const std::string& zone);

// In the caller's transaction (docs/architecture.md, "Check and write"), in one round trip:
// whether `zone` is a zone PostgreSQL knows, then the time zone setting's write lock (held
// until the transaction ends), then the settings as they are under it, their zone resolved
// by job_timezone() (`fallback`: COACH_TIMEZONE).
struct LockedSettings {
    bool known = false;
    std::string json;  // as find_settings
};
awaitable<Result<LockedSettings>> lock_settings(db::Transaction& tx, const std::string& zone,
                                                const std::string& fallback);

// Sets the time zone (checked by lock_settings) as user `actor`; the rest of the transaction
// runs in that zone.
struct SavedSettings {
    std::string id;    // the settings row: the audit entry's entity
    std::string json;  // as find_settings
};
awaitable<Result<SavedSettings>> save_time_zone(db::Transaction& tx, const std::string& zone,
                                                const std::string& actor);

}  // namespace coach::settings
