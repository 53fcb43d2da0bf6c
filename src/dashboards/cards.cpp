#include "dashboards/cards.hpp"

#include "db/arrays.hpp"
#include "db/columns.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace coach::dashboards {

namespace {

std::optional<double> number_of(std::string_view text) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc())
        return std::nullopt;
    return v;
}

int int_of(std::string_view text) {
    int v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

}  // namespace

MetricSet metric_set_of_array(std::string_view a) noexcept {
    MetricSet set;
    db::for_each_plain_array_item(a, [&set](std::string_view word) {
        if (word.size() >= 2 && word.front() == '"' && word.back() == '"')
            word = word.substr(1, word.size() - 2);  // a quoted plain word
        set.add(word);
    });
    return set;
}

CardColumns::CardColumns(const db::PgResult& r)
    : agent_id(db::column(r, "agent_id")),
      name(db::column(r, "name")),
      employee_id(db::column(r, "employee_id")),
      status(db::column(r, "status")),
      card(db::column(r, "card")),
      performance_level(db::column(r, "performance_level")),
      avg30_composite_score(db::column(r, "avg30_composite_score")),
      composite_trend(db::column(r, "composite_trend")),
      declining_metrics(db::column(r, "declining_metrics")),
      last_coaching_at(db::column(r, "last_coaching_at")),
      days_since_last_coaching(db::column(r, "days_since_last_coaching")),
      unaddressed_high_notes(db::column(r, "unaddressed_high_notes")),
      overdue_action_items(db::column(r, "overdue_action_items")),
      active_pip(db::column(r, "active_pip")),
      snapshot_as_of(db::column(r, "snapshot_as_of")) {}

bool has_card(const db::PgResult& r, int row, const CardColumns& c) {
    return !r.is_null(row, c.agent_id);
}

CardRow card_row_at(const db::PgResult& r, int row, const CardColumns& c) {
    auto optional_view = [&](int col) -> std::optional<std::string_view> {
        if (r.is_null(row, col))
            return std::nullopt;
        return r.get(row, col);
    };
    CardRow cr;
    cr.agent_id = r.get(row, c.agent_id);
    cr.name = r.get(row, c.name);
    cr.employee_id = optional_view(c.employee_id);
    cr.status = r.get(row, c.status);
    cr.figures = optional_view(c.card);
    cr.snapshot_as_of = optional_view(c.snapshot_as_of);
    UrgencyInput& s = cr.signals;
    if (!r.is_null(row, c.performance_level))
        s.level = parse_level(r.get(row, c.performance_level));
    if (!r.is_null(row, c.avg30_composite_score))
        s.avg30_composite = number_of(r.get(row, c.avg30_composite_score));
    if (!r.is_null(row, c.composite_trend))
        s.composite_trend =
            parse_trend(r.get(row, c.composite_trend)).value_or(Trend::InsufficientData);
    if (!r.is_null(row, c.declining_metrics))
        s.declining_metrics = metric_set_of_array(r.get(row, c.declining_metrics));
    cr.last_coaching_at = optional_view(c.last_coaching_at);
    if (!r.is_null(row, c.days_since_last_coaching))
        s.days_since_last_coaching = int_of(r.get(row, c.days_since_last_coaching));
    s.unaddressed_high_notes = int_of(r.get(row, c.unaddressed_high_notes));
    s.overdue_action_items = int_of(r.get(row, c.overdue_action_items));
    s.active_pip = r.get_bool(row, c.active_pip);
    return cr;
}

Card make_card(CardRow row) noexcept {
    return Card{row, urgency(row.signals)};
}

std::vector<std::string> stale_agents(const std::vector<Card>& cards, std::string_view as_of) {
    std::vector<std::string> stale;
    for (const Card& card : cards)
        if (card.row.snapshot_as_of && *card.row.snapshot_as_of != as_of)
            stale.emplace_back(card.row.agent_id);
    return stale;
}

void sort_by_urgency(std::vector<Card>& cards) {
    // Sorts positions, then copies each card once: sorting the cards themselves moved each of
    // these structs of some 270 bytes about log2(n) times. The order is total (agent ids are
    // unique), so an unstable sort gives the same answer every time.
    std::vector<std::uint32_t> order(cards.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&cards](std::uint32_t ia, std::uint32_t ib) {
        const Card& a = cards[ia];
        const Card& b = cards[ib];
        if (a.urgency.score() != b.urgency.score())
            return a.urgency.score() > b.urgency.score();
        const auto& ca = a.row.signals.avg30_composite;
        const auto& cb = b.row.signals.avg30_composite;
        if (ca.has_value() != cb.has_value())
            return ca.has_value();
        if (ca && *ca != *cb)
            return *ca < *cb;
        if (a.row.name != b.row.name)
            return a.row.name < b.row.name;
        return a.row.agent_id < b.row.agent_id;
    });
    std::vector<Card> sorted;
    sorted.reserve(cards.size());
    for (std::uint32_t i : order)
        sorted.push_back(cards[i]);
    cards = std::move(sorted);
}

}  // namespace coach::dashboards
