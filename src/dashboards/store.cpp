#include "dashboards/store.hpp"

#include "auth/authenticate.hpp"
#include "auth/scope_sql.hpp"
#include "metrics/metric_row.hpp"

#include <fmt/format.h>

#include <map>

namespace coach::dashboards {

namespace {

// The cards of team leader `tl`'s live, non-terminated agents; a LEFT JOIN so a team without
// agents still yields its row (with NULL card columns). Snapshot and coaching facts are read
// by primary key; OFFSET 0 keeps each one index probe per agent (otherwise the planner may
// hash-join the whole narrow facts table). The 14 card columns, in cards.cpp's order:
//   id, name, employee_id, status, the snapshot's figures as JSON members (card),
//   performance_level, avg30_composite_score, composite_trend, declining_metrics,
//   last_coaching_at, days since it (never negative; NULL when never coached), unaddressed
//   HIGH notes, overdue action items (those counted when the facts were computed, plus the
//   open ones whose due date has passed since: open_due_dates is sorted), active PIP.
// Measured (5,000 agents x 400 days, 50 per team, EXPLAIN ANALYZE, warm): about 0.2 ms to
// plan and 0.2 ms to run, against about 0.15 ms + 1.0 ms for the straightforward query
// (latest day and 30-day averages through LATERAL joins on performance_metrics). Building
// the JSON here with json_build_object or string_agg added about 0.5 ms: cards.cpp does it.
constexpr std::string_view kCardsLateral = R"sql(
  LEFT JOIN LATERAL (
      SELECT a.id, a.name, a.employee_id, a.status,
             s.card, s.performance_level,
             s.avg30_composite_score, s.composite_trend, s.declining_metrics,
             f.last_coaching_at,
             CASE WHEN f.last_coaching_at IS NOT NULL
                  THEN greatest(0, CURRENT_DATE - f.last_coaching_at::date) END,
             coalesce(f.unaddressed_high_notes, 0),
             coalesce(f.overdue_action_items
                      + width_bucket(CURRENT_DATE - 1, f.open_due_dates), 0),
             coalesce(f.active_pip, false)
        FROM users a
        LEFT JOIN LATERAL (
            SELECT s.card, s.performance_level,
                   s.avg30_composite_score, s.composite_trend, s.declining_metrics
              FROM agent_dashboard_snapshot s
             WHERE s.agent_id = a.id
            OFFSET 0) s ON true
        LEFT JOIN LATERAL (
            SELECT f.last_coaching_at, f.unaddressed_high_notes, f.overdue_action_items,
                   f.open_due_dates, f.active_pip
              FROM agent_coaching_facts f
             WHERE f.agent_id = a.id
            OFFSET 0) f ON true
       WHERE a.team_leader_id = tl.id
         AND a.role = 'AGENT'
         AND a.deleted_at IS NULL
         AND a.status <> 'TERMINATED'
  ) c ON true)sql";

constexpr int kCardFirstColumn = 3;  // after tl.id, tl.name, CURRENT_DATE

// MANAGER home: the cards of every team under $1, grouped by team (name, id).
const std::string kManagerCardsSql =
    std::string("SELECT tl.id, tl.name, CURRENT_DATE, c.*\n  FROM users tl") +
    std::string(kCardsLateral) + R"sql(
 WHERE tl.manager_id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND tl.deleted_at IS NULL
   AND tl.status <> 'TERMINATED'
 ORDER BY tl.name, tl.id)sql";

// MANAGER home: per team, the averages of its agents' 30-day averages (snapshots).
constexpr std::string_view kManagerTeamAveragesSql = R"sql(
SELECT tl.id,
       json_build_object(
           'service_score', round(avg(s.avg30_service_score), 2),
           'productivity_score', round(avg(s.avg30_productivity_score), 2),
           'quality_score', round(avg(s.avg30_quality_score), 2),
           'attendance_rate', round(avg(s.avg30_attendance_rate), 2),
           'adherence_score', round(avg(s.avg30_adherence_score), 2),
           'composite_score', round(avg(s.avg30_composite_score), 2),
           'csat', round(avg(s.avg30_csat), 2),
           'fcr', round(avg(s.avg30_fcr), 2),
           'aht', round(avg(s.avg30_aht), 2))
  FROM users tl
  LEFT JOIN users a
         ON a.team_leader_id = tl.id
        AND a.role = 'AGENT'
        AND a.deleted_at IS NULL
        AND a.status <> 'TERMINATED'
  LEFT JOIN agent_dashboard_snapshot s ON s.agent_id = a.id
 WHERE tl.manager_id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND tl.deleted_at IS NULL
   AND tl.status <> 'TERMINATED'
 GROUP BY tl.id)sql";

constexpr std::string_view kAdminHomeSql = R"sql(
SELECT json_build_object(
    'role', 'ADMIN',
    'as_of', CURRENT_DATE,
    'counts', json_build_object(
        'agents', (SELECT count(*) FROM users
                    WHERE role = 'AGENT' AND deleted_at IS NULL AND status <> 'TERMINATED'),
        'team_leaders', (SELECT count(*) FROM users
                          WHERE role = 'TEAM_LEADER' AND deleted_at IS NULL
                            AND status <> 'TERMINATED'),
        'managers', (SELECT count(*) FROM users
                      WHERE role = 'MANAGER' AND deleted_at IS NULL AND status <> 'TERMINATED'),
        'active_pips', (SELECT count(*) FROM action_plans
                         WHERE status IN ('ACTIVE', 'EXTENDED')),
        'imports_last_7_days', (SELECT count(*) FROM import_logs
                                 WHERE created_at >= now() - interval '7 days'),
        'failed_imports_last_7_days', (SELECT count(*) FROM import_logs
                                        WHERE created_at >= now() - interval '7 days'
                                          AND status = 'FAILED')))::text)sql";

// $1 agent, $2 viewer, $3 viewer role, $4 from, $5 to. Everything but the daily series
// (kSeriesSql), which is added in C++: json_build_object for 90 rows took about 0.5 ms of
// PostgreSQL's 0.8 ms per overview (EXPLAIN ANALYZE, 5,000 agents x 400 days), the plain rows
// 0.15 ms.
const std::string kOverviewSql = R"sql(
SELECT json_build_object(
    'agent', json_build_object(
        'id', u.id, 'name', u.name, 'employee_id', u.employee_id, 'status', u.status,
        'team_leader_id', u.team_leader_id, 'hire_date', u.hire_date),
    'from', $4::date,
    'to', $5::date,
    'as_of', CURRENT_DATE,
    'scorecard', json_build_object(
        'snapshot_as_of', s.as_of,
        'performance_level', s.performance_level,
        'latest', s.latest,
        'avg_30d', s.avg_30d,
        'trends', s.trends,
        'last_coaching_at', f.last_coaching_at,
        'days_since_last_coaching',
            CASE WHEN f.last_coaching_at IS NOT NULL
                 THEN greatest(0, CURRENT_DATE - f.last_coaching_at::date) END),
    'history', coalesce((
        SELECT json_agg(json_build_object(
                   'period_type', h.period_type,
                   'period_ending', h.period_ending,
                   'avg_service_score', h.avg_service_score,
                   'avg_productivity_score', h.avg_productivity_score,
                   'avg_quality_score', h.avg_quality_score,
                   'avg_attendance_rate', h.avg_attendance_rate,
                   'avg_adherence_score', h.avg_adherence_score,
                   'avg_composite_score', h.avg_composite_score,
                   'service_trend', h.service_trend,
                   'productivity_trend', h.productivity_trend,
                   'quality_trend', h.quality_trend,
                   'attendance_trend', h.attendance_trend,
                   'adherence_trend', h.adherence_trend,
                   'score_variance', h.score_variance,
                   'days_worked', h.days_worked,
                   'annotations', h.annotations) ORDER BY h.period_type, h.period_ending)
          FROM performance_history h
         WHERE h.agent_id = u.id AND h.period_ending BETWEEN $4::date AND $5::date),
        '[]'::json),
    'percentile_ranking', (SELECT p.percentile_ranking FROM agent_profiles p
                            WHERE p.agent_id = u.id AND p.peer_comparison_opt_in))::text
  FROM users u
  LEFT JOIN agent_dashboard_snapshot s ON s.agent_id = u.id
  LEFT JOIN agent_coaching_facts f ON f.agent_id = u.id
 WHERE u.id = $1::uuid
   AND u.role = 'AGENT'
   AND )sql" + auth::scope_predicate("$2::uuid", "$3::text");

// $1 agent, $2 from, $3 to: the overview's daily rows, oldest first, from performance_metrics
// and, for days it no longer has, performance_metrics_archive: metric_date, then the columns of
// metrics::kChartedMetrics (the columns are written from that list, which append_series
// reads too).
const std::string kSeriesSql = fmt::format(R"sql(
SELECT d.metric_date::text, {0}
  FROM (SELECT metric_date, {0}
          FROM performance_metrics
         WHERE agent_id = $1::uuid AND metric_date BETWEEN $2::date AND $3::date
        UNION ALL
        SELECT ar.metric_date, {0}
          FROM performance_metrics_archive ar
         WHERE ar.agent_id = $1::uuid AND ar.metric_date BETWEEN $2::date AND $3::date
           AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                            WHERE pm.agent_id = ar.agent_id
                              AND pm.metric_date = ar.metric_date)) d
 ORDER BY d.metric_date)sql",
                                           fmt::join(metrics::kChartedMetrics, ", "));

// [{"metric_date":"2026-01-02","service_score":81.5,...}, ...]: PostgreSQL's text of a
// numeric is a JSON number, as json_build_object wrote it.
void append_series(std::string& out, const db::PgResult& r) {
    out += '[';
    for (int i = 0; i < r.rows(); ++i) {
        out += i ? ",{" : "{";
        out += "\"metric_date\":";
        append_json_string(out, r.get(i, 0));
        for (std::size_t m = 0; m < metrics::kChartedMetrics.size(); ++m) {
            const int c = static_cast<int>(m) + 1;
            out += ",\"";
            out += metrics::kChartedMetrics[m];
            out += "\":";
            if (r.is_null(i, c))
                out += "null";
            else
                out += r.get(i, c);
        }
        out += '}';
    }
    out += ']';
}

// $1 viewer, $2 role, $3/$4 cursor (name, id), $5 limit.
const std::string kSummarySql = R"sql(
SELECT json_build_object(
           'team_leader_id', t.team_leader_id,
           'team_leader_name', t.team_leader_name,
           'manager_id', tl.manager_id,
           'agent_count', t.agent_count,
           'active_pips', t.active_pips,
           'avg_team_score', round(t.avg_team_score, 2),
           'avg_service_score', round(t.avg_service_score, 2),
           'avg_quality_score', round(t.avg_quality_score, 2),
           'sessions_last_week', t.sessions_last_week,
           'calculated_date', t.calculated_date)::text,
       t.team_leader_name, t.team_leader_id
  FROM team_performance_summary t
  JOIN users tl ON tl.id = t.team_leader_id
 WHERE )sql" + team_leader_scope("$1::uuid", "$2::text") +
                                R"sql(
   AND ($3::text IS NULL OR (t.team_leader_name::text, t.team_leader_id) > ($3::text, $4::uuid))
 ORDER BY t.team_leader_name, t.team_leader_id
 LIMIT $5)sql";

std::string_view role_text(const auth::Principal& p) {
    return auth::to_string(p.role);
}

void append_team_averages(std::string& out, const std::optional<std::string>& avg) {
    append_raw_or_null(out, avg);
}

}  // namespace

std::string team_leader_scope(std::string_view viewer, std::string_view role) {
    return fmt::format(
        "tl.role = 'TEAM_LEADER' AND ({1} = 'ADMIN' OR (tl.deleted_at IS NULL AND "
        "(tl.id = {0} OR ({1} = 'MANAGER' AND tl.manager_id = {0}))))",
        viewer, role);
}

namespace {

std::string team_dashboard_select(std::string_view team_leader, std::string_view viewer,
                                  std::string_view role) {
    return fmt::format(
        "SELECT tl.id, tl.name, CURRENT_DATE, c.*\n  FROM users tl{}\n WHERE tl.id = "
        "{}\n   AND {}",
        kCardsLateral, team_leader, team_leader_scope(viewer, role));
}

}  // namespace

const std::string kTeamDashboardSql = team_dashboard_select("$1::uuid", "$2::uuid", "$3::text");
const std::string kTeamDashboardPrefetchSql = auth::with_viewer(
    team_dashboard_select("$3::uuid", "(SELECT id FROM viewer)", "(SELECT role FROM viewer)"));

std::optional<TeamDashboard> team_dashboard_from(db::PgResult r) {
    if (r.empty())
        return std::nullopt;
    TeamDashboard d;
    d.team_leader_id = std::string(r.get(0, 0));
    d.team_leader_name = std::string(r.get(0, 1));
    d.as_of = std::string(r.get(0, 2));
    d.cards.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        if (!r.is_null(i, kCardFirstColumn))
            d.cards.push_back(make_card(card_row_from(r, i, kCardFirstColumn)));
    sort_by_urgency(d.cards);
    d.rows = std::move(r);
    return d;
}

awaitable<Result<std::optional<TeamDashboard>>> load_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id) {
    auto r = co_await pool.query(kTeamDashboardSql,
                                 db::params(team_leader_id, viewer.id, role_text(viewer)));
    if (!r)
        co_return r.error();
    co_return team_dashboard_from(std::move(*r));
}

std::string team_dashboard_json(const TeamDashboard& d, std::optional<std::string_view> role) {
    std::string out;
    out.reserve(256 + d.cards.size() * 1400);
    out += '{';
    if (role) {
        out += "\"role\":";
        append_json_string(out, *role);
        out += ',';
    }
    out += "\"team_leader\":{\"id\":\"";
    out += d.team_leader_id;
    out += "\",\"name\":";
    append_json_string(out, d.team_leader_name);
    out += "},\"as_of\":\"";
    out += d.as_of;
    out += "\",\"agents\":[";
    for (std::size_t i = 0; i < d.cards.size(); ++i) {
        if (i)
            out += ',';
        append_card_json(out, d.cards[i]);
    }
    out += "]}";
    return out;
}

awaitable<Result<std::string>> manager_home_json(db::Pool& pool, const std::string& manager_id) {
    std::vector<db::Query> queries;
    queries.push_back({kManagerCardsSql, db::params(manager_id)});
    queries.push_back({kManagerTeamAveragesSql, db::params(manager_id)});
    auto r = co_await pool.pipeline(std::move(queries));
    if (!r)
        co_return r.error();
    const db::PgResult& cards = (*r)[0];
    const db::PgResult& averages = (*r)[1];
    std::map<std::string, std::string, std::less<>> avg_of;
    for (int i = 0; i < averages.rows(); ++i)
        avg_of.emplace(std::string(averages.get(i, 0)), std::string(averages.get(i, 1)));

    struct Team {
        std::string id, name;
        std::vector<Card> cards;
    };
    std::vector<Team> teams;
    std::string as_of;
    for (int i = 0; i < cards.rows(); ++i) {
        std::string_view id = cards.get(i, 0);
        if (teams.empty() || teams.back().id != id)
            teams.push_back(Team{std::string(id), std::string(cards.get(i, 1)), {}});
        as_of = std::string(cards.get(i, 2));
        if (!cards.is_null(i, kCardFirstColumn))
            teams.back().cards.push_back(make_card(card_row_from(cards, i, kCardFirstColumn)));
    }

    std::string out = "{\"role\":\"MANAGER\",\"as_of\":";
    if (as_of.empty())
        out += "null";
    else
        append_json_string(out, as_of);
    out += ",\"teams\":[";
    for (std::size_t t = 0; t < teams.size(); ++t) {
        Team& team = teams[t];
        sort_by_urgency(team.cards);
        int pips = 0;
        std::map<std::string_view, int> levels{
            {"EXCELLENT", 0}, {"GOOD", 0}, {"FAIR", 0}, {"POOR", 0}, {"CRITICAL", 0}};
        int no_level = 0;
        for (const auto& c : team.cards) {
            pips += c.row.signals.active_pip ? 1 : 0;
            if (c.row.signals.level)
                ++levels[to_string(*c.row.signals.level)];
            else
                ++no_level;
        }
        if (t)
            out += ',';
        out += "{\"team_leader_id\":\"";
        out += team.id;
        out += "\",\"team_leader_name\":";
        append_json_string(out, team.name);
        out += fmt::format(",\"agent_count\":{},\"active_pips\":{},\"levels\":{{",
                           team.cards.size(), pips);
        for (std::string_view name : {"EXCELLENT", "GOOD", "FAIR", "POOR", "CRITICAL"})
            out += fmt::format("\"{}\":{},", name, levels[name]);
        out += fmt::format("\"NONE\":{}}},\"avg_30d\":", no_level);
        auto avg = avg_of.find(team.id);
        append_team_averages(
            out, avg == avg_of.end() ? std::nullopt : std::optional<std::string>(avg->second));
        out += ",\"top_urgent_agents\":[";
        for (std::size_t i = 0; i < team.cards.size() && i < 3; ++i) {
            if (i)
                out += ',';
            append_card_json(out, team.cards[i]);
        }
        out += "]}";
    }
    out += "]}";
    co_return out;
}

awaitable<Result<std::string>> admin_home_json(db::Pool& pool) {
    auto r = co_await pool.query(kAdminHomeSql);
    if (!r)
        co_return r.error();
    co_return std::string(r->get(0, 0));
}

awaitable<Result<std::optional<std::string>>> agent_overview_json(db::Pool& pool,
                                                                  const auth::Principal& viewer,
                                                                  const std::string& agent_id,
                                                                  const std::string& from,
                                                                  const std::string& to) {
    // One round trip; the series of an agent out of scope is read and dropped.
    std::vector<db::Query> queries;
    queries.push_back({kOverviewSql, db::params(agent_id, viewer.id, role_text(viewer), from, to)});
    queries.push_back({kSeriesSql, db::params(agent_id, from, to)});
    auto r = co_await pool.pipeline(std::move(queries));
    if (!r)
        co_return r.error();
    const db::PgResult& overview = (*r)[0];
    if (overview.empty())
        co_return std::optional<std::string>{};
    std::string json(overview.get(0, 0));
    const db::PgResult& series = (*r)[1];
    json.pop_back();  // the object's closing brace
    json.reserve(json.size() + 32 + static_cast<std::size_t>(series.rows()) * 260);
    json += ",\"series\":";
    append_series(json, series);
    json += '}';
    co_return std::optional<std::string>{std::move(json)};
}

awaitable<Result<SummaryPage>> team_performance_summary(
    db::Pool& pool, const auth::Principal& viewer, int limit,
    const std::optional<std::vector<std::string>>& after) {
    std::optional<std::string> after_name, after_id;
    if (after) {
        after_name = (*after)[0];
        after_id = (*after)[1];
    }
    auto r = co_await pool.query(
        kSummarySql, db::params(viewer.id, role_text(viewer), after_name, after_id, limit + 1));
    if (!r)
        co_return r.error();
    SummaryPage page;
    int n = std::min(r->rows(), limit);
    for (int i = 0; i < n; ++i)
        page.items.emplace_back(r->get(i, 0));
    if (r->rows() > limit)
        page.last_key =
            std::vector<std::string>{std::string(r->get(n - 1, 1)), std::string(r->get(n - 1, 2))};
    co_return page;
}

}  // namespace coach::dashboards
