#include "dashboards/cards.hpp"

#include "db/arrays.hpp"

#include <fmt/format.h>

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

void append_rfc3339(std::string& out, std::string_view ts) {
    std::size_t start = out.size();
    out += ts;
    if (ts.size() > 10 && ts[10] == ' ')
        out[start + 10] = 'T';
    // A UTC offset written as "+00" (hours only) becomes "+00:00".
    if (ts.size() > 13) {
        char sign = ts[ts.size() - 3];
        if (sign == '+' || sign == '-')
            out += ":00";
    }
}

std::string rfc3339_of(std::string_view ts) {
    std::string out;
    append_rfc3339(out, ts);
    return out;
}

CardRow card_row_from(const db::PgResult& r, int row, int c) {
    auto optional_view = [&](int col) -> std::optional<std::string_view> {
        if (r.is_null(row, col))
            return std::nullopt;
        return r.get(row, col);
    };
    CardRow cr;
    cr.agent_id = r.get(row, c + 0);
    cr.name = r.get(row, c + 1);
    cr.employee_id = optional_view(c + 2);
    cr.status = r.get(row, c + 3);
    cr.figures = optional_view(c + 4);
    UrgencyInput& s = cr.signals;
    if (!r.is_null(row, c + 5))
        s.level = parse_level(r.get(row, c + 5));
    if (!r.is_null(row, c + 6))
        s.avg30_composite = number_of(r.get(row, c + 6));
    if (!r.is_null(row, c + 7))
        s.composite_trend = parse_trend(r.get(row, c + 7)).value_or(Trend::InsufficientData);
    if (!r.is_null(row, c + 8))
        s.declining_metrics = metric_set_of_array(r.get(row, c + 8));
    cr.last_coaching_at = optional_view(c + 9);
    if (!r.is_null(row, c + 10))
        s.days_since_last_coaching = int_of(r.get(row, c + 10));
    s.unaddressed_high_notes = int_of(r.get(row, c + 11));
    s.overdue_action_items = int_of(r.get(row, c + 12));
    s.active_pip = r.get_bool(row, c + 13);
    return cr;
}

Card make_card(CardRow row) noexcept {
    return Card{row, urgency(row.signals)};
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

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t plain = 0;  // start of the run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += fmt::format("\\u{:04x}", c);
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

void append_raw_or_null(std::string& out, const std::optional<std::string>& raw) {
    out += raw ? std::string_view(*raw) : std::string_view("null");
}

namespace {

void append_int(std::string& out, long long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

}  // namespace

void append_card_json(std::string& out, const Card& card) {
    const CardRow& r = card.row;
    out += "{\"agent_id\":\"";
    out += r.agent_id;
    out += "\",\"name\":";
    append_json_string(out, r.name);
    out += ",\"employee_id\":";
    if (r.employee_id)
        append_json_string(out, *r.employee_id);
    else
        out += "null";
    out += ",\"status\":\"";
    out += r.status;
    out += "\",";
    out += r.figures ? *r.figures : kNoFigures;
    out += ",\"last_coaching_at\":";
    if (r.last_coaching_at) {
        out += '"';
        append_rfc3339(out, *r.last_coaching_at);
        out += '"';
    } else {
        out += "null";
    }
    out += ",\"days_since_last_coaching\":";
    const UrgencyInput& s = r.signals;
    if (s.days_since_last_coaching)
        append_int(out, *s.days_since_last_coaching);
    else
        out += "null";
    out += ",\"unaddressed_high_notes\":";
    append_int(out, s.unaddressed_high_notes);
    out += ",\"overdue_action_items\":";
    append_int(out, s.overdue_action_items);
    out += s.active_pip ? ",\"active_pip\":true" : ",\"active_pip\":false";
    out += ",\"urgency_score\":";
    append_int(out, card.urgency.score());
    out += ",\"urgency_reasons\":[";
    bool first = true;
    for (const UrgencyPart& part : card.urgency.parts()) {
        if (!first)
            out += ',';
        first = false;
        // Codes are upper-case words, texts need no escaping (append_reason_text).
        out += "{\"code\":\"";
        out += to_string(part.code);
        out += "\",\"text\":\"";
        append_reason_text(out, part.code, s);
        out += "\",\"points\":";
        append_int(out, part.points);
        out += '}';
    }
    out += "]}";
}

}  // namespace coach::dashboards
