#pragma once
// Reading a result's columns by name (docs/architecture.md, "Rows by column name"): a query's
// reader keeps a small struct of column indexes, resolved once per result with column(),
// then reads r.get(row, cols.x). A name the statement does not return is a programming error
// (the query and its reader disagree), reported by an exception naming the column.
#include "db/pg_result.hpp"

#include <string_view>

namespace coach::db {

// The index of the column called `name` in `r`; throws std::logic_error when there is none.
int column(const PgResult& r, std::string_view name);

}  // namespace coach::db
