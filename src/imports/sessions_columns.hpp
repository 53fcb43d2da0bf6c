#pragma once
// COACHING_HISTORY files: past coaching sessions from an older tool, one completed
// coaching_sessions row per file row. The columns (names and aliases), the template, and the
// date-time parsing. Pure: no I/O.
//
// Natural key: (agent, coach, session date-time) = coaching_sessions (agent_id,
// team_leader_id, scheduled_date). The agent by employee ID or email; the coach (a TEAM_LEADER
// or MANAGER) by employee ID, email or id, blank = the agent's current team leader. Times
// without a zone are UTC; a date alone is midnight UTC.
#include "imports/table_import.hpp"

namespace coach::imports {

enum SessionsColumn : std::size_t {
    kSessionEmployeeId,
    kSessionEmail,
    kSessionCoach,
    kSessionDate,      // scheduled_date (required)
    kSessionStart,     // actual_start_time: a time on the session's day or a date-time
    kSessionEnd,       // actual_end_time: the same
    kSessionDuration,  // minutes: the end when end_time is blank
    kSessionType,
    kSessionTopics,  // ';' list
    kSessionNotes,   // discussion_notes
    kSessionCommitments,
    kSessionResources,  // ';' list
    kSessionEngagement,
    kSessionReceptiveness,
    kSessionUnderstanding,
    kSessionEffectiveness,
    kSessionAchievements,
    kSessionConcerns,
    kSessionFollowUpRequired,
    kSessionFollowUpDate,
    kSessionFollowUpTopics,  // ';' list
    kSessionColumnCount
};

std::span<const ColumnSpec> sessions_columns();
TemplateContent sessions_template();

struct Instant {
    std::string text;     // PostgreSQL timestamptz input: "2024-03-01 09:30:00+00:00"
    long long epoch = 0;  // seconds since 1970-01-01T00:00Z
    std::string date;     // the date as written (YYYY-MM-DD)
    std::string zone;     // "+00:00", "+05:30"...
};

// "2024-03-01", "2024-03-01 09:30", "2024-03-01T09:30:15Z", "2024-03-01 09:30+02:00".
// Returns nullptr and sets `out`, or the error message.
const char* parse_instant(std::string_view cell, Instant& out);
// A time of day ("09:30", "9:30:15") on the day (and zone) of `day`, or a whole date-time.
const char* parse_time_on(std::string_view cell, const Instant& day, Instant& out);

}  // namespace coach::imports
