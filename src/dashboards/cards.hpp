#pragma once
// An agent's dashboard card: the row read by the dashboard SQL (snapshot figures and coaching
// facts, as PostgreSQL sent them), its urgency (rules.hpp) and its JSON. The JSON is written
// here rather than by PostgreSQL: building ~50 objects with json_build_object/string_agg cost
// more than the rest of the query (see store.cpp); the figures that are JSON already (latest,
// avg_30d, trends) are passed through as PostgreSQL stored them.
#include "dashboards/rules.hpp"
#include "db/pg_result.hpp"

#include <optional>
#include <string>
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
    std::optional<std::string_view> last_coaching_at;  // PostgreSQL timestamptz text (UTC)
    // The level, trends (snapshot) and coaching facts (agent_coaching_facts) the urgency and
    // the card's other members come from.
    UrgencyInput signals;
};

struct Card {
    CardRow row;
    Urgency urgency;
};

// The 14 card columns of store.cpp's kCardsLateral, starting at column `first`.
CardRow card_row_from(const db::PgResult& r, int row, int first);

Card make_card(CardRow row) noexcept;

// Most urgent first: urgency desc, then lower 30-day composite first (none last), then name
// (bytewise), then id.
void sort_by_urgency(std::vector<Card>& cards);

void append_card_json(std::string& out, const Card& card);
// A JSON string literal (quotes included) of UTF-8 text.
void append_json_string(std::string& out, std::string_view text);
// A JSON value for an optional: the text as is (numbers, JSON), or null.
void append_raw_or_null(std::string& out, const std::optional<std::string>& raw);
// The members a card has when its agent has no snapshot.
inline constexpr std::string_view kNoFigures =
    R"("snapshot_as_of":null,"performance_level":null,"latest":null,"avg_30d":null,"trends":null)";
// PostgreSQL's timestamptz text in UTC ("2026-01-02 03:04:05.6+00") as RFC 3339, the way
// to_json() writes it ("2026-01-02T03:04:05.6+00:00").
std::string rfc3339_of(std::string_view pg_timestamptz);
void append_rfc3339(std::string& out, std::string_view pg_timestamptz);
// The kMetrics columns named in a text[] literal of plain words ("{quality_score,csat}").
MetricSet metric_set_of_array(std::string_view pg_array) noexcept;

}  // namespace coach::dashboards
