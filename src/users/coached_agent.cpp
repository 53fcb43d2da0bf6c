#include "users/coached_agent.hpp"

namespace coach::users {

boost::asio::awaitable<Result<LockedSubject>> lock_coached_agent(db::Transaction& tx,
                                                                 const auth::Principal& me,
                                                                 auth::Resource resource,
                                                                 const std::string& agent_id) {
    auto agent = co_await lock_subject(tx, agent_id);
    if (!agent)
        co_return agent.error();
    if (!*agent || !auth::may(me, resource, auth::Action::Read, (*agent)->subject))
        co_return validation_error({{"agent_id", "is not an agent you can see"}});
    const auth::Subject& subject = (*agent)->subject;
    if (subject.role != auth::Role::Agent || !subject.team_leader_id)
        co_return validation_error({{"agent_id", "is not an agent with a team leader"}});
    if ((*agent)->status == "TERMINATED")
        co_return validation_error({{"agent_id", "has left (TERMINATED)"}});
    if (!auth::may(me, resource, auth::Action::Create, subject))
        co_return make_error(ErrorCode::Forbidden, "You may not write this for this agent.");
    co_return LockedSubject{subject, (*agent)->status};
}

}  // namespace coach::users
