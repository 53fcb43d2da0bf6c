#include "db/keyset_page.hpp"

#include "db/columns.hpp"

#include <algorithm>

namespace coach::db {

KeysetPage keyset_page(const PgResult& r, int limit, std::string_view item_column,
                       std::initializer_list<std::string_view> key_columns) {
    KeysetPage page;
    const int item = column(r, item_column);
    int n = std::min(r.rows(), limit);
    page.items.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        page.items.emplace_back(r.get(i, item));
    if (r.rows() > limit) {
        std::vector<std::string> key;
        for (std::string_view name : key_columns)
            key.emplace_back(r.get(n - 1, column(r, name)));
        page.last_key = std::move(key);
    }
    return page;
}

}  // namespace coach::db
