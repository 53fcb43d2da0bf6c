#pragma once
// One page of a keyset-paginated list: the query asks for limit + 1 rows, the row JSON in
// column 0 and the ordering key in other columns; the extra row only says there are more.
#include "db/pg_result.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace coach::db {

struct KeysetPage {
    std::vector<std::string> items;                    // row JSON
    std::optional<std::vector<std::string>> last_key;  // set when there are more
};

// The first `limit` rows' column 0, and when `r` has more rows, the `key_columns` of the last
// row kept (the cursor to continue after it).
KeysetPage keyset_page(const PgResult& r, int limit, std::initializer_list<int> key_columns);

}  // namespace coach::db
