#include "history/store.hpp"

#include "auth/scope_sql.hpp"

namespace coach::history {
namespace {

// $1 viewer, $2 viewer role, $3 agent, $4 period type, $5 from, $6 to,
// $7/$8 cursor (period_ending, id), $9 limit.
const std::string kList = R"sql(
SELECT row_to_json(h)::text AS json, h.period_ending::text AS period_ending, h.id::text AS id
  FROM performance_history h
  JOIN users u ON u.id = h.agent_id
 WHERE )sql" + auth::scope_predicate("$1", "$2") +
                          R"sql(
   AND ($3::uuid IS NULL OR h.agent_id = $3::uuid)
   AND ($4::period_type IS NULL OR h.period_type = $4::period_type)
   AND ($5::date IS NULL OR h.period_ending >= $5::date)
   AND ($6::date IS NULL OR h.period_ending <= $6::date)
   AND ($7::date IS NULL OR (h.period_ending, h.id) < ($7::date, $8::uuid))
 ORDER BY h.period_ending DESC, h.id DESC
 LIMIT $9)sql";

constexpr std::string_view kFind = R"sql(
SELECT row_to_json(h)::text,
       u.id, u.role, u.team_leader_id, u.manager_id, tl.manager_id, u.deleted_at IS NOT NULL
  FROM performance_history h
  JOIN users u ON u.id = h.agent_id
  LEFT JOIN users tl ON tl.id = u.team_leader_id
 WHERE h.id = $1::uuid)sql";

}  // namespace

awaitable<Result<ListPage>> list_history(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& f) {
    std::optional<std::string> after_date, after_id;
    if (f.after) {
        after_date = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        kList, db::params(viewer.id, auth::to_string(viewer.role), f.agent_id, f.period_type,
                          f.from, f.to, after_date, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"period_ending", "id"});
}

awaitable<Result<std::optional<HistoryRecord>>> find_history(db::Pool& pool,
                                                             const std::string& id) {
    auto r = co_await pool.query(kFind, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<HistoryRecord>{};
    auth::Subject s{
        std::string(r->get(0, 1)), auth::parse_role(r->get(0, 2)).value_or(auth::Role::Agent),
        r->get_optional(0, 3),     r->get_optional(0, 4),
        r->get_optional(0, 5),     r->get_bool(0, 6)};
    co_return std::optional<HistoryRecord>{HistoryRecord{std::string(r->get(0, 0)), std::move(s)}};
}

}  // namespace coach::history
