#include "imports/sessions_columns.hpp"

#include <fmt/format.h>

namespace coach::imports {

namespace {

const std::vector<ColumnSpec> kColumns = {
    agent_employee_id_column(),
    agent_email_column(),
    {"coach",
     {"coachemail", "coachemployeeid", "coachid", "teamleader", "teamleaderemail", "teamleaderid",
      "teamlead", "tl", "supervisor"}},
    {"session_date",
     {"date", "sessiondate", "sessiondatetime", "scheduleddate", "scheduled", "coachingdate",
      "datetime"}},
    {"start_time", {"starttime", "actualstarttime", "start", "started"}},
    {"end_time", {"endtime", "actualendtime", "end", "ended"}},
    {"duration_minutes", {"duration", "durationmins", "length", "minutes"}},
    {"session_type", {"type", "sessiontype", "coachingtype"}},
    {"topics_covered", {"topics", "topic", "subjects"}},
    {"discussion_notes", {"notes", "discussion", "comments", "summary"}},
    {"agent_commitments", {"commitments"}},
    {"resources_shared", {"resources"}},
    {"engagement_score", {"engagement"}},
    {"receptiveness_score", {"receptiveness"}},
    {"understanding_score", {"understanding"}},
    {"overall_effectiveness", {"effectiveness", "rating"}},
    {"key_achievements", {"achievements", "outcome", "outcomes"}},
    {"areas_of_concern", {"concerns"}},
    {"follow_up_required", {"followup", "followupneeded"}},
    {"follow_up_date", {"followupdate"}},
    {"follow_up_topics", {}},
};

bool two_digits(std::string_view s, int& out) {
    if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return false;
    out = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
}

// "9:30", "09:30:15", then an optional zone: Z, +HH:MM, -HH:MM, +HHMM, +HH.
const char* parse_clock(std::string_view t, int& seconds, std::string& zone, int& offset) {
    zone = "+00:00";
    offset = 0;
    if (!t.empty() && (t.back() == 'Z' || t.back() == 'z')) {
        t.remove_suffix(1);
    } else if (auto sign = t.find_first_of("+-"); sign != std::string_view::npos) {
        std::string_view z = t.substr(sign + 1);
        int zh = 0, zm = 0;
        bool ok = false;
        if (z.size() == 2)
            ok = two_digits(z, zh);
        else if (z.size() == 4)
            ok = two_digits(z.substr(0, 2), zh) && two_digits(z.substr(2), zm);
        else if (z.size() == 5 && z[2] == ':')
            ok = two_digits(z.substr(0, 2), zh) && two_digits(z.substr(3), zm);
        if (!ok || zh > 14 || zm > 59)
            return "has a time zone that is not +HH:MM";
        offset = (zh * 3600 + zm * 60) * (t[sign] == '-' ? -1 : 1);
        zone = fmt::format("{}{:02}:{:02}", t[sign], zh, zm);
        t = t.substr(0, sign);
    }
    std::string padded = (t.size() == 4 || t.size() == 7) ? "0" + std::string(t) : std::string(t);
    int h = 0, m = 0, s = 0;
    if (!((padded.size() == 5 || padded.size() == 8) && padded[2] == ':' &&
          two_digits(std::string_view(padded).substr(0, 2), h) &&
          two_digits(std::string_view(padded).substr(3, 2), m) &&
          (padded.size() == 5 ||
           (padded[5] == ':' && two_digits(std::string_view(padded).substr(6, 2), s)))))
        return "must be a time (HH:MM) or a date and time (YYYY-MM-DD HH:MM)";
    if (h > 23 || m > 59 || s > 59)
        return "is not a real time of day";
    seconds = h * 3600 + m * 60 + s;
    return nullptr;
}

void finish(Instant& out, int days, int seconds, int offset) {
    out.epoch = static_cast<long long>(days) * 86400 + seconds - offset;
    out.text = fmt::format("{} {:02}:{:02}:{:02}{}", out.date, seconds / 3600, seconds / 60 % 60,
                           seconds % 60, out.zone);
}

}  // namespace

std::span<const ColumnSpec> sessions_columns() {
    return kColumns;
}

TemplateContent sessions_template() {
    return column_template(kColumns, {"E1001",
                                      "",
                                      "E0100",
                                      "2024-03-01 09:30",
                                      "09:30",
                                      "10:00",
                                      "",
                                      "REGULAR",
                                      "AHT; Call control",
                                      "Reviewed two long calls; practised the hold script.",
                                      "Use the hold script on every long call",
                                      "Hold script v2",
                                      "4",
                                      "4",
                                      "5",
                                      "4",
                                      "AHT down 20 s in the role play",
                                      "Confidence with escalations",
                                      "yes",
                                      "2024-03-15",
                                      "Escalations"});
}

const char* parse_instant(std::string_view cell, Instant& out) {
    auto cut = cell.find_first_of("T ");
    std::string_view date_part = cell.substr(0, cut);
    int days = 0;
    if (const char* e = normalize_date(date_part, out.date, days))
        return e;
    int seconds = 0, offset = 0;
    out.zone = "+00:00";
    if (cut != std::string_view::npos) {
        std::string_view time_part = trim(cell.substr(cut + 1));
        if (const char* e = parse_clock(time_part, seconds, out.zone, offset))
            return e;
    }
    finish(out, days, seconds, offset);
    return nullptr;
}

const char* parse_time_on(std::string_view cell, const Instant& day, Instant& out) {
    if (cell.size() >= 8 && (cell[4] == '-' || cell[4] == '/' || cell[4] == '.'))
        return parse_instant(cell, out);  // a whole date (and time)
    int seconds = 0, offset = 0;
    std::string zone;
    if (const char* e = parse_clock(cell, seconds, zone, offset))
        return e;
    bool zone_given = cell.back() == 'Z' || cell.back() == 'z' ||
                      cell.find_first_of("+-") != std::string_view::npos;
    out.date = day.date;
    out.zone = zone_given ? zone : day.zone;
    if (!zone_given) {  // the zone of the session date
        int sign = day.zone[0] == '-' ? -1 : 1;
        offset = sign * (((day.zone[1] - '0') * 10 + (day.zone[2] - '0')) * 3600 +
                         ((day.zone[4] - '0') * 10 + (day.zone[5] - '0')) * 60);
    }
    std::string date;
    int days = 0;
    normalize_date(day.date, date, days);
    finish(out, days, seconds, offset);
    return nullptr;
}

}  // namespace coach::imports
