#pragma once
// Telling a user that something happened (docs/domain.md, "Notifications"): an in-app
// notification and the same by mail (mail_outbox), written by the statement notify() returns,
// which the caller queues into the transaction of the event that causes it, so that a
// notification exists exactly when its event committed. In SQL the same is coach_notify
// (migration 0022), which the jobs call for the notifications they send.
#include "db/connection.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace coach::notifications {

struct Notice {
    std::string recipient_id;
    std::string_view kind;  // session_scheduled, session_cancelled, ... (notifications.kind)
    std::string subject;    // one sentence: "Ana Ruiz scheduled a coaching session on ..."
    std::optional<std::string> link;  // the web app's path, e.g. /sessions/<id>
};

// The statement (notifications/sql/notify.sql); public_url prefixes the link in the mail.
db::Query notify(const Notice& notice, std::string_view public_url);

}  // namespace coach::notifications
