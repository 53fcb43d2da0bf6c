#include "dashboards/store.hpp"

#include "auth/scope.hpp"
#include "dashboards/sql.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"

#include <map>

namespace coach::dashboards {

std::optional<TeamDashboard> team_dashboard_from(db::PgResult r) {
    if (r.empty())
        return std::nullopt;
    const CardColumns c(r);
    TeamDashboard d;
    d.team_leader_id = std::string(r.get(0, db::column(r, "team_leader_id")));
    d.team_leader_name = std::string(r.get(0, db::column(r, "team_leader_name")));
    d.as_of = std::string(r.get(0, db::column(r, "as_of")));
    d.cards.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        if (has_card(r, i, c))
            d.cards.push_back(make_card(card_row_at(r, i, c)));
    sort_by_urgency(d.cards);
    d.rows = std::move(r);
    return d;
}

namespace {

awaitable<Result<std::optional<TeamDashboard>>> read_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id) {
    auto r = co_await pool.query(
        sql::team_dashboard, db::params(team_leader_id, viewer.id, auth::to_string(viewer.role)));
    if (!r)
        co_return r.error();
    co_return team_dashboard_from(std::move(*r));
}

// Refreshes `agents`' snapshots that are not of `as_of` (nullopt: today;
// sql/refresh_stale_snapshots.sql).
awaitable<Result<void>> refresh_stale(db::Pool& pool, const std::vector<std::string>& agents,
                                      const std::optional<std::string>& as_of) {
    auto r = co_await pool.query(sql::refresh_stale_snapshots,
                                 db::params(db::text_array(agents), as_of));
    if (!r)
        co_return r.error();
    co_return Result<void>{};
}

}  // namespace

awaitable<Result<std::optional<TeamDashboard>>> current_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, std::optional<TeamDashboard> d) {
    if (!d)
        co_return d;
    const std::vector<std::string> stale = stale_agents(d->cards, d->as_of);
    if (stale.empty())
        co_return d;
    // Named: g++ 12 mishandles temporaries in a co_await's call.
    const std::optional<std::string> as_of = d->as_of;
    auto refreshed = co_await refresh_stale(pool, stale, as_of);
    if (!refreshed)
        co_return refreshed.error();
    co_return co_await read_team_dashboard(pool, viewer, d->team_leader_id);
}

awaitable<Result<std::optional<TeamDashboard>>> load_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id) {
    auto d = co_await read_team_dashboard(pool, viewer, team_leader_id);
    if (!d)
        co_return d.error();
    co_return co_await current_team_dashboard(pool, viewer, std::move(*d));
}

db::Query team_dashboard_prefetch_query(const std::string& team_leader_id) {
    return db::Query{sql::team_dashboard_prefetch, db::params(team_leader_id)};
}

namespace {

awaitable<Result<ManagerHome>> read_manager_home(db::Pool& pool, const std::string& manager_id) {
    std::vector<db::Query> queries;
    queries.push_back({sql::manager_cards, db::params(manager_id)});
    queries.push_back({sql::manager_team_averages, db::params(manager_id)});
    auto r = co_await pool.pipeline(std::move(queries));
    if (!r)
        co_return r.error();
    const db::PgResult& averages = (*r)[1];
    std::map<std::string, std::string, std::less<>> avg_of;
    {
        const int id = db::column(averages, "team_leader_id");
        const int avg = db::column(averages, "avg_30d");
        for (int i = 0; i < averages.rows(); ++i)
            avg_of.emplace(std::string(averages.get(i, id)), std::string(averages.get(i, avg)));
    }

    ManagerHome home;
    home.rows = std::move((*r)[0]);
    const db::PgResult& cards = home.rows;
    const CardColumns c(cards);
    const int id = db::column(cards, "team_leader_id");
    const int name = db::column(cards, "team_leader_name");
    const int as_of = db::column(cards, "as_of");
    for (int i = 0; i < cards.rows(); ++i) {
        std::string_view team = cards.get(i, id);
        if (home.teams.empty() || home.teams.back().team_leader_id != team)
            home.teams.push_back(
                ManagerTeam{std::string(team), std::string(cards.get(i, name)), {}, std::nullopt});
        home.as_of = std::string(cards.get(i, as_of));
        if (has_card(cards, i, c))
            home.teams.back().cards.push_back(make_card(card_row_at(cards, i, c)));
    }
    for (ManagerTeam& team : home.teams) {
        sort_by_urgency(team.cards);
        if (auto avg = avg_of.find(team.team_leader_id); avg != avg_of.end())
            team.avg_30d = std::move(avg->second);
    }
    co_return home;
}

}  // namespace

awaitable<Result<ManagerHome>> load_manager_home(db::Pool& pool, const std::string& manager_id) {
    auto home = co_await read_manager_home(pool, manager_id);
    if (!home || !home->as_of)
        co_return home;
    std::vector<std::string> stale;
    for (const ManagerTeam& team : home->teams)
        for (std::string& id : stale_agents(team.cards, *home->as_of))
            stale.push_back(std::move(id));
    if (stale.empty())
        co_return home;
    auto refreshed = co_await refresh_stale(pool, stale, home->as_of);
    if (!refreshed)
        co_return refreshed.error();
    co_return co_await read_manager_home(pool, manager_id);
}

awaitable<Result<std::string>> load_admin_home(db::Pool& pool) {
    auto r = co_await pool.query(sql::admin_home);
    if (!r)
        co_return r.error();
    co_return std::string(r->get(0, db::column(*r, "json")));
}

awaitable<Result<std::optional<AgentOverview>>> load_agent_overview(db::Pool& pool,
                                                                    const auth::Principal& viewer,
                                                                    const std::string& agent_id,
                                                                    const std::string& from,
                                                                    const std::string& to) {
    // One round trip; the series of an agent the viewer may not read is read and dropped. A
    // snapshot of another day is refreshed, then everything is read again (once per agent and
    // day), so the scorecard never shows yesterday's window under today's as_of.
    for (bool refreshed = false;;) {
        std::vector<db::Query> queries;
        queries.push_back(
            {sql::agent_overview,
             db::params(agent_id, viewer.id, auth::to_string(viewer.role), from, to)});
        queries.push_back({sql::agent_series, db::params(agent_id, from, to)});
        auto r = co_await pool.pipeline(std::move(queries));
        if (!r)
            co_return r.error();
        const db::PgResult& overview = (*r)[0];
        if (overview.empty())
            co_return std::optional<AgentOverview>{};
        if (!refreshed && overview.get_bool(0, db::column(overview, "stale"))) {
            const std::vector<std::string> agents{agent_id};
            // Arguments named: g++ 12 mishandles temporaries in a co_await's call.
            const std::optional<std::string> today;
            auto done = co_await refresh_stale(pool, agents, today);
            if (!done)
                co_return done.error();
            refreshed = true;
            continue;
        }
        co_return std::optional<AgentOverview>{AgentOverview{
            std::string(overview.get(0, db::column(overview, "json"))), std::move((*r)[1])}};
    }
}

awaitable<Result<std::optional<std::string>>> load_team_daily_averages(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id,
    const std::string& from, const std::string& to) {
    auto r = co_await pool.query(
        sql::team_daily_averages,
        db::params(team_leader_id, viewer.id, auth::to_string(viewer.role), from, to));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<std::string>{};
    co_return std::optional<std::string>{std::string(r->get(0, db::column(*r, "json")))};
}

awaitable<Result<db::KeysetPage>> team_performance_summary(
    db::Pool& pool, const auth::Principal& viewer, int limit,
    const std::optional<std::vector<std::string>>& after) {
    std::optional<std::string> after_name, after_id;
    if (after) {
        after_name = (*after)[0];
        after_id = (*after)[1];
    }
    auto r = co_await pool.query(
        sql::team_summary,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Teams), after_name,
                   after_id, limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, limit, "json", {"team_leader_name", "team_leader_id"});
}

}  // namespace coach::dashboards
