#include "db/pg_result.hpp"

#include <charconv>

namespace coach::db {

long long PgResult::get_int(int row, int col) const {
    auto s = get(row, col);
    long long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

long long PgResult::affected() const {
    if (!r_)
        return 0;
    std::string_view s = PQcmdTuples(r_.get());
    long long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

}  // namespace coach::db
