#include "imports/metrics_rows.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <charconv>

namespace coach::imports {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::string_view kNoAgentYet = "00000000-0000-0000-0000-000000000000";
constexpr std::string_view kAnyPastDate = "1970-01-01";
constexpr int kPending = -2;
constexpr int kUnknown = -1;

constexpr std::uint32_t kRowMask = (1u << 30) - 1;
constexpr std::uint32_t kSent = 1u << 30;      // the first occurrence went to COPY
constexpr std::uint32_t kReported = 1u << 31;  // the first occurrence got its duplicate error

}  // namespace

MetricsRowChecker::MetricsRowChecker(MetricsColumns columns, std::size_t header_cells,
                                     Options options, AgentResolver& resolver)
    : columns_(std::move(columns)),
      options_(std::move(options)),
      resolver_(resolver),
      header_cells_(header_cells) {
    wanted_.push_back(columns_.employee_id ? columns_.employee_id->cell : kNone);
    wanted_.push_back(columns_.email ? columns_.email->cell : kNone);
    wanted_.push_back(columns_.metric_date ? columns_.metric_date->cell : kNone);
    for (const auto& m : columns_.metrics)
        wanted_.push_back(m.cell);
    for (auto w : wanted_)
        if (w != kNone)
            header_cells_ = std::max(header_cells_, w + 1);
    pending_.reserve(options_.batch_rows);
}

bool MetricsRowChecker::add(const Record& record) {
    ++total_;
    Pending p{record.row, record.problem, static_cast<std::uint32_t>(spans_.size()), false};
    for (auto w : wanted_) {
        std::string_view c = w < record.cells.size() ? record.cells[w] : std::string_view{};
        spans_.push_back(
            {static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(c.size())});
        arena_.append(c);
    }
    for (std::size_t i = header_cells_; i < record.cells.size(); ++i) {
        std::string_view c = trim(record.cells[i]);
        if (!c.empty()) {
            p.has_extra = true;
            spans_.push_back({static_cast<std::uint32_t>(arena_.size()),
                              static_cast<std::uint32_t>(std::min<std::size_t>(c.size(), 200))});
            arena_.append(c.substr(0, 200));
            break;
        }
    }
    pending_.push_back(p);
    return pending_.size() >= options_.batch_rows;
}

std::string_view MetricsRowChecker::cell(const Pending& p, std::size_t i) const {
    const Span& s = spans_[p.first_span + i];
    return std::string_view(arena_).substr(s.begin, s.size);
}

void MetricsRowChecker::error(long row, std::string_view column, std::string_view value,
                              std::string message) {
    ++error_count_;
    row_failed_ = true;
    if (errors_.size() < options_.max_errors)
        errors_.push_back({row, std::string(column), cut_value(value), std::move(message)});
}

int MetricsRowChecker::agent_of(const std::string& key, bool email) const {
    const auto& map = email ? email_agents_ : employee_agents_;
    auto it = map.find(key);
    return it == map.end() ? kUnknown : it->second;
}

Result<void> MetricsRowChecker::flush(std::string& copy) {
    // One lookup for every key of the batch not seen before.
    std::vector<std::string> new_ids, new_emails;
    const bool has_id = columns_.employee_id.has_value(), has_email = columns_.email.has_value();
    for (const auto& p : pending_) {
        if (has_id) {
            auto v = trim(cell(p, 0));
            if (!is_empty_value(v) && valid_utf8(v)) {
                auto [it, added] = employee_agents_.try_emplace(std::string(v), kPending);
                if (added)
                    new_ids.push_back(it->first);
            }
        }
        if (has_email) {
            auto v = trim(cell(p, 1));
            if (!is_empty_value(v) && valid_utf8(v)) {
                scratch_.assign(v);
                for (auto& c : scratch_)
                    if (c >= 'A' && c <= 'Z')
                        c = static_cast<char>(c - 'A' + 'a');
                auto [it, added] = email_agents_.try_emplace(scratch_, kPending);
                if (added)
                    new_emails.push_back(it->first);
            }
        }
    }
    if (!new_ids.empty() || !new_emails.empty()) {
        std::vector<std::optional<std::string>> id_agents(new_ids.size()),
            email_agents(new_emails.size());
        if (auto r = resolver_.resolve(new_ids, new_emails, id_agents, email_agents); !r)
            return r.error();
        std::unordered_map<std::string, int> ordinal;
        for (std::size_t i = 0; i < agent_ids_.size(); ++i)
            ordinal.emplace(agent_ids_[i], static_cast<int>(i));
        auto ordinal_of = [&](const std::optional<std::string>& id) {
            if (!id)
                return kUnknown;
            auto [it, added] = ordinal.try_emplace(*id, static_cast<int>(agent_ids_.size()));
            if (added)
                agent_ids_.push_back(*id);
            return it->second;
        };
        for (std::size_t i = 0; i < new_ids.size(); ++i)
            employee_agents_[new_ids[i]] = ordinal_of(id_agents[i]);
        for (std::size_t i = 0; i < new_emails.size(); ++i)
            email_agents_[new_emails[i]] = ordinal_of(email_agents[i]);
    }
    for (const auto& p : pending_)
        check(p, copy);
    pending_.clear();
    spans_.clear();
    arena_.clear();
    return {};
}

void MetricsRowChecker::check(const Pending& p, std::string& copy) {
    row_failed_ = false;
    const long r = p.row;
    if (!p.problem.empty())
        error(r, "", "", std::string(p.problem));
    if (p.has_extra)
        error(r, "", cell(p, wanted_.size()), "has more cells than the header has columns");

    // The agent: by employee ID, by email, or both (then they must agree).
    int agent = kUnknown;
    {
        const auto* id_col = columns_.employee_id ? &*columns_.employee_id : nullptr;
        const auto* mail_col = columns_.email ? &*columns_.email : nullptr;
        std::string_view id = id_col ? trim(cell(p, 0)) : std::string_view{};
        std::string_view mail = mail_col ? trim(cell(p, 1)) : std::string_view{};
        bool has_id = id_col && !is_empty_value(id);
        bool has_mail = mail_col && !is_empty_value(mail);
        bool failed = false;
        int by_id = kUnknown, by_mail = kUnknown;
        if (!has_id && !has_mail) {
            // The header check guarantees one of the two columns; the fallback names it.
            error(r,
                  id_col     ? id_col->header
                  : mail_col ? mail_col->header
                             : "Employee ID",
                  "", "is required: give the agent's employee ID or email");
            failed = true;
        }
        if (has_id) {
            if (!valid_utf8(id)) {
                error(r, id_col->header, id, "is not valid UTF-8 text");
                failed = true;
            } else if ((by_id = agent_of(std::string(id), false)) < 0) {
                error(r, id_col->header, id, "no agent has this employee ID");
                failed = true;
            }
        }
        if (has_mail) {
            scratch_.assign(mail);
            for (auto& c : scratch_)
                if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
            if (!valid_utf8(mail)) {
                error(r, mail_col->header, mail, "is not valid UTF-8 text");
                failed = true;
            } else if ((by_mail = agent_of(scratch_, true)) < 0) {
                error(r, mail_col->header, mail, "no agent has this email");
                failed = true;
            } else if (by_id >= 0 && by_mail != by_id) {
                error(r, mail_col->header, mail, "belongs to another agent than the employee ID");
                failed = true;
            }
        }
        if (!failed)
            agent = by_id >= 0 ? by_id : by_mail;
    }

    // The date.
    const auto& date_col = *columns_.metric_date;
    std::string_view date = trim(cell(p, 2));
    int days = 0;
    bool date_ok = false;
    if (is_empty_value(date)) {
        error(r, date_col.header, date, "is required");
    } else if (const char* e = normalize_date(date, row_.metric_date, days)) {
        error(r, date_col.header, date, e);
    } else {
        date_ok = true;
    }
    if (!date_ok)
        row_.metric_date = kAnyPastDate;  // so validate() reports only the metrics

    // The metrics: converted here, ranges checked by metrics::validate.
    for (std::size_t k = 0; k < columns_.metrics.size(); ++k) {
        const auto& col = columns_.metrics[k];
        std::string_view v = trim(cell(p, 3 + k));
        auto& slot = row_.values[col.metric];
        if (is_empty_value(v)) {
            slot.reset();
            continue;
        }
        if (!slot)
            slot.emplace();
        if (const char* e =
                normalize_value(value_kind(col.metric), v, options_.decimal_comma, *slot)) {
            error(r, col.header, v, e);
            slot.reset();
        }
    }
    row_.agent_id = agent >= 0 ? agent_ids_[agent] : std::string(kNoAgentYet);
    for (auto& fe : metrics::validate(row_, options_.today)) {
        if (fe.field == "metric_date") {
            if (date_ok)
                error(r, date_col.header, date, std::move(fe.message));
            continue;
        }
        for (std::size_t k = 0; k < columns_.metrics.size(); ++k)
            if (metrics::kMetricColumns[columns_.metrics[k].metric] == fe.field) {
                error(r, columns_.metrics[k].header, trim(cell(p, 3 + k)), std::move(fe.message));
                break;
            }
    }

    // The same agent and day twice in the file.
    if (agent >= 0 && date_ok) {
        std::uint32_t& first = first_rows_.slot(static_cast<std::uint32_t>(agent), days);
        if (!first) {
            first = static_cast<std::uint32_t>(r) | (row_failed_ ? 0 : kSent);
        } else {
            long first_row = first & kRowMask;
            error(r, date_col.header, date,
                  "duplicate: row " + std::to_string(first_row) + " has the same agent and date");
            if (!(first & kReported)) {
                first |= kReported;
                ++error_count_;
                if (errors_.size() < options_.max_errors)
                    errors_.push_back(
                        {first_row, date_col.header, row_.metric_date,
                         "duplicate: row " + std::to_string(r) + " has the same agent and date"});
                if (first & kSent) {
                    first &= ~kSent;
                    retracted_.push_back(first_row);
                    --valid_;
                    ++failed_;
                }
            }
        }
    }

    if (row_failed_) {
        ++failed_;
        return;
    }
    ++valid_;
    char num[24];
    auto end = std::to_chars(num, num + sizeof num, r).ptr;
    copy.append(num, end);
    copy.push_back('\t');
    copy.append(row_.agent_id);
    copy.push_back('\t');
    copy.append(row_.metric_date);
    for (const auto& col : columns_.metrics) {
        copy.push_back('\t');
        const auto& v = row_.values[col.metric];
        if (v)
            copy.append(*v);
        else
            copy.append("\\N");
    }
    copy.push_back('\n');
}

std::vector<ImportError> MetricsRowChecker::errors() const {
    std::vector<ImportError> out = errors_;
    std::stable_sort(out.begin(), out.end(),
                     [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
    return out;
}

}  // namespace coach::imports
