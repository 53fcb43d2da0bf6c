#include "db/keyset_page.hpp"

#include <algorithm>

namespace coach::db {

KeysetPage keyset_page(const PgResult& r, int limit, std::initializer_list<int> key_columns) {
    KeysetPage page;
    int n = std::min(r.rows(), limit);
    page.items.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        page.items.emplace_back(r.get(i, 0));
    if (r.rows() > limit) {
        std::vector<std::string> key;
        for (int c : key_columns)
            key.emplace_back(r.get(n - 1, c));
        page.last_key = std::move(key);
    }
    return page;
}

}  // namespace coach::db
