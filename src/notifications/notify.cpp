#include "notifications/notify.hpp"

#include "db/params.hpp"
#include "notifications/sql.hpp"

namespace coach::notifications {

db::Query notify(const Notice& n, std::string_view public_url) {
    return {sql::notify, db::params(n.recipient_id, std::string(n.kind), n.subject, n.link,
                                    std::string(public_url))};
}

}  // namespace coach::notifications
