#include "users/routes.hpp"

#include "audit/audit.hpp"
#include "auth/password.hpp"
#include "core/crypto.hpp"
#include "core/offload.hpp"
#include "core/user_enums.hpp"
#include "http/collection.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "users/rules.hpp"
#include "users/store.hpp"

namespace coach::users {
using auth::Action;
using auth::Resource;

namespace {

Error forbidden(std::string message) {
    return make_error(ErrorCode::Forbidden, std::move(message));
}

// A user row found (or locked) for the caller: 404 unless it may read it.
Result<UserRow> visible(const RequestContext& ctx, Result<std::optional<UserRow>> row) {
    if (!row)
        return row.error();
    if (!*row || !auth::may(ctx.me(), Resource::Users, Action::Read, (*row)->subject))
        return not_found();
    return std::move(**row);
}

std::optional<std::string> value_of(const UserInput& in, std::string_view column,
                                    const std::optional<std::string>& current) {
    const Assignment* a = in.find(column);
    return a ? a->value : current;
}

// The user as it would be after `in`, validated against the hierarchy; the scope subject
// of the result (for may() on the proposed row). The users it would report to stay
// share-locked until `tx` ends, so they cannot be deleted or change role meanwhile.
awaitable<Result<auth::Subject>> proposed_subject(db::Transaction& tx, const auth::Principal& me,
                                                  const UserInput& in,
                                                  const std::optional<auth::Subject>& current) {
    auth::Subject s = current.value_or(auth::Subject{"", auth::Role::Agent, {}, {}, {}, false});
    if (auto role = value_of(in, "role", std::nullopt))
        s.role = *auth::parse_role(*role);
    s.team_leader_id = value_of(in, "team_leader_id", s.team_leader_id);
    s.manager_id = value_of(in, "manager_id", s.manager_id);
    std::vector<std::string> ids;
    if (s.team_leader_id)
        ids.push_back(*s.team_leader_id);
    if (s.manager_id)
        ids.push_back(*s.manager_id);
    std::vector<std::pair<std::string, RefInfo>> refs;
    if (!ids.empty()) {
        auto r = co_await lock_references(tx, me, ids);
        if (!r)
            co_return r.error();
        refs = std::move(*r);
    }
    // A reference the request sets to someone outside the caller's scope is answered as one
    // to nobody (422), never 403: the answer must not tell whether that user exists.
    auto find = [&](const std::optional<std::string>& id) -> const RefInfo* {
        for (const auto& [rid, info] : refs)
            if (id && rid == *id)
                return info.visible || (current && (id == current->team_leader_id ||
                                                    id == current->manager_id))
                           ? &info
                           : nullptr;
        return nullptr;
    };
    auto reference = [&](const std::optional<std::string>& id) {
        const RefInfo* info = find(id);
        return Reference{id.has_value(), info ? std::optional(info->role) : std::nullopt};
    };
    HierarchyCheck check{s.role, reference(s.team_leader_id), reference(s.manager_id),
                         !s.id.empty() && (s.team_leader_id == s.id || s.manager_id == s.id)};
    if (auto errors = hierarchy_errors(check); !errors.empty())
        co_return validation_error(std::move(errors));
    const RefInfo* team_leader = find(s.team_leader_id);
    s.team_leaders_manager_id = team_leader ? team_leader->manager_id : std::nullopt;
    co_return s;
}

// Audits the change and commits it with the transaction.
awaitable<Result<void>> commit_with_audit(RequestContext& ctx, db::Transaction& tx,
                                          std::string_view action, const std::string& id,
                                          std::optional<std::string> before,
                                          std::optional<std::string> after) {
    db::Query entry =
        audit::entry(ctx.origin(), action, "users", id, std::move(before), std::move(after));
    co_return co_await audit::commit(tx, std::move(entry));
}

// The user of the path's {id}, locked FOR UPDATE in a transaction of its own (held until the
// caller commits or drops it), with the caller's view of it.
struct LockedUser {
    std::string id;
    db::Transaction tx;
    UserRow current;
};

// 400 on a malformed id; 404 when absent or not readable by the caller.
awaitable<Result<LockedUser>> lock_visible_user(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto current = visible(ctx, co_await lock_user(*tx, *id));
    if (!current)
        co_return current.error();
    co_return LockedUser{std::move(*id), std::move(*tx), std::move(*current)};
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    std::vector<FieldError> errors;
    ListFilter f;
    f.role = http::enum_query(ctx, "role", kRoleNames, errors);
    f.status = http::enum_query(ctx, "status", kUserStatusNames, errors);
    f.team_leader_id = http::uuid_query(ctx, "team_leader_id", errors);
    f.manager_id = http::uuid_query(ctx, "manager_id", errors);
    f.department = ctx.query_param("department");
    f.q = ctx.query_param("q");
    if (f.q && f.q->size() > 200)
        errors.push_back({"q", "must be at most 200 characters"});
    f.include_deleted =
        http::flag_query(ctx, "include_deleted", errors) && auth::may_list_deleted(ctx.me().role);
    http::Page page = http::read_page(ctx, {http::KeyPart::Text, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    f.limit = page.limit;
    f.after = page.after;
    co_return http::collection_response(co_await list_users(ctx.db, ctx.me(), f));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto row = visible(ctx, co_await find_user(ctx.db, *id));
    if (!row)
        co_return row.error();
    co_return http::json_text(http::Status::ok, std::move(row->json));
}

awaitable<Result<Response>> create(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_user_create(*body);
    if (!in)
        co_return in.error();
    const auth::Principal& me = ctx.me();
    if (!auth::role_may(me.role, Resource::Users, Action::Create))
        co_return forbidden("You may not create this user.");
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto subject = co_await proposed_subject(*tx, me, *in, std::nullopt);
    if (!subject)
        co_return subject.error();
    if (!auth::may(me, Resource::Users, Action::Create, *subject))
        co_return forbidden("You may not create this user.");
    std::string email = *in->find("email")->value;
    std::string hash;
    if (in->password) {
        if (auto bad = auth::password_policy_violation(*in->password, email))
            co_return validation_error({{"password", *bad}});
        // On the worker pool, the transaction held meanwhile (creating users is rare; the
        // locks are share locks on the new user's team leader or manager).
        int cost = ctx.services.config.bcrypt_cost;
        // Named lambda: GCC 12 destroys a lambda temporary in a co_await twice (PR 107288).
        auto work = [p = *in->password, cost] { return auth::hash_password(p, cost); };
        hash = co_await offload(ctx.services.workers, std::move(work));
    } else {
        // No password yet: nothing can match this until a reset sets one.
        hash = "!unset:" + random_token(16);
    }
    auto row = co_await insert_user(*tx, *in, hash);
    if (!row)
        co_return row.error();
    auto done = co_await commit_with_audit(ctx, *tx, "user.create", row->subject.id, std::nullopt,
                                           row->json);
    if (!done)
        co_return done.error();
    Response res = http::json_text(http::Status::created, row->json);
    res.set(http::beast_http::field::location, "/api/v1/users/" + row->subject.id);
    co_return res;
}

awaitable<Result<Response>> patch(RequestContext& ctx) {
    // Everything below reads and writes in one transaction, the user row locked first: two
    // changes racing (e.g. moving an agent to a team leader being deleted) never both pass
    // their checks on what the other is changing.
    auto locked = co_await lock_visible_user(ctx);
    if (!locked)
        co_return locked.error();
    LockedUser& user = *locked;
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_user_patch(*body);
    if (!in)
        co_return in.error();

    const auth::Principal& me = ctx.me();
    if (auto allowed = auth::user_fields_may_change(me, user.current.subject)) {
        for (const auto& a : in->columns)
            if (std::find(allowed->begin(), allowed->end(), a.column) == allowed->end())
                co_return forbidden("Agents may change only their phone, avatar and timezone.");
    }
    if (!auth::may(me, Resource::Users, Action::Update, user.current.subject))
        co_return forbidden("You may not change this user.");
    auto proposed = co_await proposed_subject(user.tx, me, *in, user.current.subject);
    if (!proposed)
        co_return proposed.error();
    if (!auth::may(me, Resource::Users, Action::Update, *proposed))
        co_return forbidden("You may not give this user that role or place in the hierarchy.");
    if (proposed->role != user.current.subject.role) {
        auto reports = co_await count_reports(user.tx, user.id);
        if (!reports)
            co_return reports.error();
        if (auto conflict =
                role_change_conflict(user.current.subject.role, proposed->role, *reports))
            co_return *conflict;
    }
    auto row = co_await update_user(user.tx, user.id, *in);
    if (!row)
        co_return row.error();
    auto done = co_await commit_with_audit(ctx, user.tx, "user.update", user.id, user.current.json,
                                           row->json);
    if (!done)
        co_return done.error();
    co_return http::json_text(http::Status::ok, row->json);
}

awaitable<Result<Response>> remove(RequestContext& ctx) {
    // One transaction, the user locked first: its reports are counted after any change that
    // was adding one has committed (that change holds a share lock on this row).
    auto locked = co_await lock_visible_user(ctx);
    if (!locked)
        co_return locked.error();
    LockedUser& user = *locked;
    if (!auth::may(ctx.me(), Resource::Users, Action::Delete, user.current.subject))
        co_return forbidden("Only an administrator may delete users.");
    if (user.id == ctx.me().id)
        co_return make_error(ErrorCode::Conflict, "You cannot delete your own account.");
    if (user.current.subject.deleted)
        co_return make_error(ErrorCode::Conflict, "This user is already deleted.");
    auto reports = co_await count_reports(user.tx, user.id);
    if (!reports)
        co_return reports.error();
    if (*reports > 0)
        co_return make_error(
            ErrorCode::Conflict,
            std::to_string(*reports) + " people report to this user; reassign them first.");
    auto row = co_await soft_delete_user(user.tx, user.id);
    if (!row)
        co_return row.error();
    if (!*row)
        co_return make_error(ErrorCode::Conflict, "This user is already deleted.");
    auto done = co_await commit_with_audit(ctx, user.tx, "user.delete", user.id, user.current.json,
                                           (*row)->json);
    if (!done)
        co_return done.error();
    co_return http::no_content();
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/users", list, http::Access::Authenticated, http::kJsonBodyLimit,
                "List users in the caller's scope"});
    router.add({Verb::post, "/api/v1/users", create, http::Access::Authenticated,
                http::kJsonBodyLimit, "Create a user"});
    router.add({Verb::get, "/api/v1/users/{id}", get, http::Access::Authenticated,
                http::kJsonBodyLimit, "Get a user"});
    router.add({Verb::patch, "/api/v1/users/{id}", patch, http::Access::Authenticated,
                http::kJsonBodyLimit, "Change a user"});
    router.add({Verb::delete_, "/api/v1/users/{id}", remove, http::Access::Authenticated,
                http::kJsonBodyLimit, "Soft-delete a user"});
}

}  // namespace coach::users
