#pragma once
// The import types other than METRICS (USERS, PROFILES, COACHING_HISTORY) share one shape:
// files of at most kMaxTableRows rows, each row one record of one table found by a natural
// key. The load (importer.cpp, table_load.cpp) matches the header with the type's columns,
// reads every data row, lets the type check them all (with a few set-based lookups, never one
// query per row), COPYs the valid rows into the type's staging table and runs the type's one
// upsert, which records each inserted or updated row in import_row_changes (table, row id,
// previous values) so that a rollback restores exactly what the import changed (rollback.cpp,
// kTableTargets).
//
// Each type lives in its own pair of files: <type>_columns.cpp (columns, aliases, value
// parsing, template) and <type>_rows.cpp (the row checks and the SQL).
#include "core/error.hpp"
#include "db/sync_connection.hpp"
#include "imports/importer.hpp"
#include "imports/metrics_columns.hpp"
#include "imports/record_source.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coach::imports {

// Files of these types are read whole before checking (a row may refer to another row of the
// file, e.g. an agent to a team leader created by the same file): their size is bounded.
inline constexpr long kMaxTableRows = 100000;

struct ColumnSpec {
    std::string_view name;                       // the template's header (a column name)
    std::vector<std::string_view> aliases = {};  // normalized (normalize_header) alternatives
};

// Which cell of the records holds which column of the type.
struct HeaderMap {
    std::vector<std::optional<std::size_t>> cell;  // per ColumnSpec: the record's cell
    std::vector<std::string> header;               // per ColumnSpec: the header as written
    std::vector<std::string> ignored;              // headers that match nothing (warnings)
    std::size_t cells = 0;                         // cells of the header record
    bool has(std::size_t column) const { return cell[column].has_value(); }
};

// Matches the header record against `specs` (names and aliases, case-, space- and
// punctuation-insensitive); two headers for one column are an error of `header_row`.
HeaderMap match_table_header(std::span<const ColumnSpec> specs,
                             const std::vector<std::string_view>& cells, long header_row,
                             std::vector<ImportError>& errors);

// One data row, as read: the trimmed cell of each column ("" when blank, a placeholder such as
// N/A, or the column is absent).
struct TableRow {
    long row = 0;
    std::vector<std::string> cells;
    std::string problem;  // the record is malformed (RecordSource's problem)
    std::string extra;    // a non-empty cell beyond the header ("" when none)
};

TableRow table_row(const HeaderMap& h, const Record& record);

// The outcome of checking all rows.
struct CheckedRows {
    std::string copy;  // COPY text of the valid rows (row number first)
    long valid = 0, failed = 0;
    std::vector<ImportError> errors;  // the errors kept (RowErrors), sorted by row
    long error_count = 0;             // all of them
};

class TableImport {
  public:
    virtual ~TableImport() = default;
    virtual std::span<const ColumnSpec> columns() const = 0;
    // Header-level requirements (after matching), as errors of `header_row`.
    virtual void check_header(const HeaderMap& h, long header_row,
                              std::vector<ImportError>& errors) const = 0;
    // Checks every row, with lookups on `conn` (autocommit); fills `out`.
    virtual Result<void> check(db::SyncConnection& conn, const HeaderMap& h,
                               const std::vector<TableRow>& rows, CheckedRows& out) = 0;
    // CREATE TEMP TABLE import_staging (...) ON COMMIT DROP.
    virtual std::string_view staging_sql() const = 0;
    // COPY import_staging (...) FROM STDIN.
    virtual std::string_view copy_sql() const = 0;
    // The one upsert, with its parameters ($1 = the import id); one row (inserted, updated).
    virtual std::string_view upsert_sql() const = 0;
    virtual db::Params upsert_params(const std::string& import_id) const = 0;
};

// The type's rules for `actor`; nullptr for METRICS or an unknown type.
std::unique_ptr<TableImport> make_table_import(std::string_view import_type, const Actor& actor,
                                               const std::string& today);

// What rollback.cpp needs per type: the table, its key column, and the columns an import
// writes (restored from import_row_changes.before, updated_at included).
struct TableTarget {
    std::string_view import_type, table, key, columns;
};
const TableTarget* table_target(std::string_view import_type);

// ---- helpers shared by the types ------------------------------------------------------

// Collects errors and counts failed rows (at most kMaxErrorsKept kept; counts exact).
class RowErrors {
  public:
    static constexpr std::size_t kMaxErrorsKept = 10000;
    void add(long row, std::string_view column, std::string_view value, std::string message);
    long count() const { return count_; }
    std::vector<ImportError> take();  // sorted by row (stable)

  private:
    std::vector<ImportError> errors_;
    long count_ = 0;
};

// The problems any row can have: malformed record, cells beyond the header, text that is not
// UTF-8. Adds them to `errors`; false when there was any.
bool common_row_checks(const HeaderMap& h, const TableRow& row, RowErrors& errors);
// The header of a column as written, or its template name when the file lacks it.
std::string column_name(const HeaderMap& h, std::span<const ColumnSpec> specs, std::size_t c);
// A random (version 4) UUID.
std::string random_uuid();

// The two columns that name an agent (PROFILES, COACHING_HISTORY): employee ID or email.
ColumnSpec agent_employee_id_column();
ColumnSpec agent_email_column();
// A header without either agent column is an error of `header_row`.
void check_agent_columns(const HeaderMap& h, std::size_t employee_id_column,
                         std::size_t email_column, long header_row,
                         std::vector<ImportError>& errors);

// The live AGENTs in the importer's scope with these employee IDs or emails (lower case): one
// query, for every type (METRICS too).
struct Agent {
    std::string id;
    std::optional<std::string> team_leader_id;
};
struct AgentMatch {
    bool by_email = false;
    std::string key;  // as asked
    Agent agent;
};
Result<std::vector<AgentMatch>> lookup_agents(db::SyncConnection& conn, const Actor& actor,
                                              const std::vector<std::string>& employee_ids,
                                              const std::vector<std::string>& emails);

// How a cell names a user (a coach, a team leader, a manager): by id when it is a UUID, by
// email when it has an '@', else by employee ID; `key` is the cell as looked up (ids and
// emails in lower case).
struct UserKey {
    enum Kind { Id, Email, EmployeeId } kind = EmployeeId;
    std::string key;
};
UserKey user_key(std::string_view cell);
// The keys of the users a file names, by kind, for one lookup.
struct UserKeys {
    std::vector<std::string> ids, emails, employee_ids;
    void add(std::string_view cell);  // nothing for ""
};

// The agents rows name by employee ID or email (any case).
struct Agents {
    std::unordered_map<std::string, Agent> by_employee_id, by_email;  // email: lower case
};
Result<Agents> find_agents(db::SyncConnection& conn, const Actor& actor,
                           const std::vector<TableRow>& rows, std::size_t employee_id_column,
                           std::size_t email_column);
// The agent of a row (from its employee_id and email cells), or nullptr after adding the
// reason to `errors` (metrics_rows.cpp's messages).
const Agent* agent_of_row(const Agents& agents, const HeaderMap& h,
                          std::span<const ColumnSpec> specs, const TableRow& row,
                          std::size_t employee_id_column, std::size_t email_column,
                          RowErrors& errors);

// Calls `report(row, other)` for each row of a group (rows with the same key) of two or more,
// with another row of its group (the first one, or the second for the first).
template <class Groups, class Report>
void for_each_duplicate(const Groups& groups, Report report) {
    for (const auto& [key, members] : groups) {
        if (members.size() < 2)
            continue;
        for (std::size_t k = 0; k < members.size(); ++k)
            report(members[k], k == 0 ? members[1] : members[0]);
    }
}

// COPY text format: \N for nullopt; backslash, tab, newline and carriage return escaped.
void copy_field(std::string& out, const std::optional<std::string>& value, bool first = false);
// A text[] value for COPY ({"a","b"} escaped), from a cell listing items separated by ';'
// (items trimmed, empty ones dropped); nullopt when no item.
std::optional<std::string> list_literal(std::string_view cell);
// An enum label from a cell: "team leader", "Team-Leader" -> TEAM_LEADER.
std::string enum_label(std::string_view cell);
// yes/no, true/false, y/n, 1/0 (any case); nullopt when none of them.
std::optional<bool> parse_bool(std::string_view cell);
// A whole number within [min, max]; nullptr or the error message.
const char* parse_int(std::string_view cell, long min, long max, long& out);
// "must be one of A, B, C".
std::string one_of_message(std::span<const std::string_view> labels);

// The templates: headers and an example row, the same for CSV and XLSX.
struct TemplateContent {
    std::vector<std::string> headers;
    std::vector<std::string> example;
};
// The template of a type: its column names, and `example`.
TemplateContent column_template(std::span<const ColumnSpec> columns,
                                std::vector<std::string> example);

}  // namespace coach::imports
