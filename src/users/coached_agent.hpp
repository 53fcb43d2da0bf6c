#pragma once
// The agent a coaching row (a session, a quick note; action items and plans to come) is about to
// be written for: locked, with the checks every such write makes, in one place.
#include "auth/scope.hpp"
#include "db/transaction.hpp"
#include "users/store.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>

namespace coach::users {

// Share-locks user `agent_id` in `tx` and checks that `me` may create `resource` rows about
// them: 422 on "agent_id" when `me` cannot see them (the same answer as for nobody, so it never
// tells that a user exists), when they are no agent with a team leader, or when they have left
// (TERMINATED); 403 when `me` sees them but may not create such rows.
boost::asio::awaitable<Result<LockedSubject>> lock_coached_agent(db::Transaction& tx,
                                                                 const auth::Principal& me,
                                                                 auth::Resource resource,
                                                                 const std::string& agent_id);
// The same checks on the row of users::lock_subject_query, for a caller that pipelined it.
Result<LockedSubject> coached_agent(const auth::Principal& me, auth::Resource resource,
                                    const std::optional<LockedSubject>& agent);

}  // namespace coach::users
