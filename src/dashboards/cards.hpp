#pragma once
// An agent's dashboard card: the row read by the dashboard statements (snapshot figures and
// coaching facts, as PostgreSQL sent them, read by column name) and its urgency (rules.hpp).
// Its JSON is written in json.hpp.
#include "dashboards/rules.hpp"
#include "db/pg_result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::dashboards {

// Text views into the PgResult the row came from: it must outlive the row.
struct CardRow {
    std::string_view agent_id;
    std::string_view name;
    std::optional<std::string_view> employee_id;
    std::string_view status;
    // agent_dashboard_snapshot.card: the figures as JSON object members; nullopt when the
    // agent has no snapshot yet (the JSON then has nulls).
    std::optional<std::string_view> figures;
    // The day the snapshot was computed for; nullopt without one.
    std::optional<std::string_view> snapshot_as_of;
    std::optional<std::string_view> last_coaching_at;  // RFC 3339 at UTC (utc_json)
    // The level, trends (snapshot) and coaching facts (agent_coaching_facts) the urgency and
    // the card's other members come from.
    UrgencyInput signals;
};

struct Card {
    CardRow row;
    Urgency urgency;
};

// The card columns of a result (sql/team_dashboard.sql), resolved once per result.
struct CardColumns {
    int agent_id, name, employee_id, status, card, performance_level, avg30_composite_score,
        composite_trend, declining_metrics, last_coaching_at, days_since_last_coaching,
        unaddressed_high_notes, overdue_action_items, active_pip, snapshot_as_of;
    explicit CardColumns(const db::PgResult& r);
};

// Whether row `row` has a card (a team without agents has one row without).
bool has_card(const db::PgResult& r, int row, const CardColumns& c);
CardRow card_row_at(const db::PgResult& r, int row, const CardColumns& c);

Card make_card(CardRow row) noexcept;

// The agents among `cards` whose snapshot was computed for another day than `as_of` (the
// dashboard's today): the organisation's midnight passed, or its zone changed, since.
std::vector<std::string> stale_agents(const std::vector<Card>& cards, std::string_view as_of);

// Most urgent first: urgency desc, then lower 30-day composite first (none last), then name
// (bytewise), then id.
void sort_by_urgency(std::vector<Card>& cards);

// The kMetrics columns named in a text[] literal of plain words ("{quality_score,csat}").
MetricSet metric_set_of_array(std::string_view pg_array) noexcept;

}  // namespace coach::dashboards
