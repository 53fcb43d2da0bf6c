#include "users/coached_agent.hpp"

namespace coach::users {

Result<LockedSubject> coached_agent(const auth::Principal& me, auth::Resource resource,
                                    const std::optional<LockedSubject>& agent) {
    if (!agent || !auth::may(me, resource, auth::Action::Read, agent->subject))
        return validation_error({{"agent_id", "is not an agent you can see"}});
    const auth::Subject& subject = agent->subject;
    if (subject.role != auth::Role::Agent || !subject.team_leader_id)
        return validation_error({{"agent_id", "is not an agent with a team leader"}});
    if (agent->status == "TERMINATED")
        return validation_error({{"agent_id", "has left (TERMINATED)"}});
    if (!auth::may(me, resource, auth::Action::Create, subject))
        return make_error(ErrorCode::Forbidden, "You may not write this for this agent.");
    return *agent;
}

boost::asio::awaitable<Result<LockedSubject>> lock_coached_agent(db::Transaction& tx,
                                                                 const auth::Principal& me,
                                                                 auth::Resource resource,
                                                                 const std::string& agent_id) {
    auto agent = co_await lock_subject(tx, agent_id);
    if (!agent)
        co_return agent.error();
    co_return coached_agent(me, resource, *agent);
}

}  // namespace coach::users
