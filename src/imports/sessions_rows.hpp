#pragma once
// COACHING_HISTORY imports: each row is one past coaching session, stored COMPLETED (key and
// columns: sessions_columns.hpp). The agent is an AGENT in the importer's scope; the coach a
// live TEAM_LEADER or MANAGER in the importer's scope (blank: the agent's current team
// leader). A row whose key matches a stored session updates it (blank cells keep its values);
// a key matching several stored sessions is refused. Only past dates (the latest calendar date
// anywhere on Earth, as for metrics). After the import and its rollback, the history of the
// agents and days touched is recomputed (recompute.cpp: annotations list completed sessions).
#include "imports/table_import.hpp"

namespace coach::imports {

std::unique_ptr<TableImport> make_sessions_import(const Actor& actor, const std::string& today);

}  // namespace coach::imports
