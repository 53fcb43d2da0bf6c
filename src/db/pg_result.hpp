#pragma once
// Owning wrapper over a PGresult with text-format accessors.
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace coach::db {

class PgResult {
  public:
    PgResult() = default;
    explicit PgResult(PGresult* r) : r_(r, &PQclear) {}

    int rows() const { return r_ ? PQntuples(r_.get()) : 0; }
    int columns() const { return r_ ? PQnfields(r_.get()) : 0; }
    bool empty() const { return rows() == 0; }
    bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
    std::string_view get(int row, int col) const {
        return {PQgetvalue(r_.get(), row, col),
                static_cast<std::size_t>(PQgetlength(r_.get(), row, col))};
    }
    std::optional<std::string> get_optional(int row, int col) const {
        if (is_null(row, col))
            return std::nullopt;
        return std::string(get(row, col));
    }
    bool get_bool(int row, int col) const { return get(row, col) == "t"; }
    long long get_int(int row, int col) const;
    int column_index(const char* name) const { return PQfnumber(r_.get(), name); }
    // Number of rows touched by INSERT/UPDATE/DELETE (PQcmdTuples).
    long long affected() const;
    PGresult* raw() const { return r_.get(); }

  private:
    std::shared_ptr<PGresult> r_;
};

}  // namespace coach::db
