#include "dashboards/json.hpp"

#include "db/columns.hpp"
#include "metrics/metric_row.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <map>

namespace coach::dashboards {

namespace {

void append_int(std::string& out, long long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

// [{"metric_date":"2026-01-02","service_score":81.5,...}, ...]: PostgreSQL's text of a
// numeric is a JSON number, as json_build_object wrote it.
void append_series(std::string& out, const db::PgResult& r) {
    const int date = db::column(r, "metric_date");
    std::array<int, metrics::kChartedMetrics.size()> column{};
    for (std::size_t m = 0; m < column.size(); ++m)
        column[m] = db::column(r, metrics::kChartedMetrics[m]);
    out += '[';
    for (int i = 0; i < r.rows(); ++i) {
        out += i ? ",{" : "{";
        out += "\"metric_date\":";
        append_json_string(out, r.get(i, date));
        for (std::size_t m = 0; m < column.size(); ++m) {
            out += ",\"";
            out += metrics::kChartedMetrics[m];
            out += "\":";
            if (r.is_null(i, column[m]))
                out += "null";
            else
                out += r.get(i, column[m]);
        }
        out += '}';
    }
    out += ']';
}

}  // namespace

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

std::string manager_home_json(const ManagerHome& home) {
    std::string out = "{\"role\":\"MANAGER\",\"as_of\":";
    if (home.as_of)
        append_json_string(out, *home.as_of);
    else
        out += "null";
    out += ",\"teams\":[";
    for (std::size_t t = 0; t < home.teams.size(); ++t) {
        const ManagerTeam& team = home.teams[t];
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
        out += team.team_leader_id;
        out += "\",\"team_leader_name\":";
        append_json_string(out, team.team_leader_name);
        out += fmt::format(",\"agent_count\":{},\"active_pips\":{},\"levels\":{{",
                           team.cards.size(), pips);
        for (std::string_view name : {"EXCELLENT", "GOOD", "FAIR", "POOR", "CRITICAL"})
            out += fmt::format("\"{}\":{},", name, levels[name]);
        out += fmt::format("\"NONE\":{}}},\"avg_30d\":", no_level);
        append_raw_or_null(out, team.avg_30d);
        out += ",\"top_urgent_agents\":[";
        for (std::size_t i = 0; i < team.cards.size() && i < 3; ++i) {
            if (i)
                out += ',';
            append_card_json(out, team.cards[i]);
        }
        out += "]}";
    }
    out += "]}";
    return out;
}

std::string agent_overview_json(AgentOverview overview) {
    std::string json = std::move(overview.json);
    json.pop_back();  // the object's closing brace
    json.reserve(json.size() + 32 + static_cast<std::size_t>(overview.series.rows()) * 260);
    json += ",\"series\":";
    append_series(json, overview.series);
    json += '}';
    return json;
}

std::string with_role(std::string_view role, std::string_view object) {
    return fmt::format("{{\"role\":\"{}\",{}", role, object.substr(1));
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
        out += *r.last_coaching_at;  // utc_json's text: nothing to escape
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
