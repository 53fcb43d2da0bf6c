#pragma once
// One page of a keyset-paginated list (docs/architecture.md, "Keyset paging"): the query asks
// for limit + 1 rows, each with the row's JSON and its ordering key in named columns; the extra
// row only says there are more.
#include "db/pg_result.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::db {

struct KeysetPage {
    std::vector<std::string> items;                    // row JSON
    std::optional<std::vector<std::string>> last_key;  // set when there are more
};

// The first `limit` rows' `item_column`, and when `r` has more rows, the `key_columns` of the
// last row kept (the cursor to continue after it).
KeysetPage keyset_page(const PgResult& r, int limit, std::string_view item_column,
                       std::initializer_list<std::string_view> key_columns);

}  // namespace coach::db
