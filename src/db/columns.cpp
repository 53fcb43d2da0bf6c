#include "db/columns.hpp"

#include <stdexcept>
#include <string>

namespace coach::db {

int column(const PgResult& r, std::string_view name) {
    // PQfnumber folds unquoted names to lower case; ours are lower case already. Quoting the
    // name keeps it exact.
    std::string quoted = "\"" + std::string(name) + "\"";
    int i = r.column_index(quoted.c_str());
    if (i < 0)
        throw std::logic_error("the statement returns no column named " + std::string(name));
    return i;
}

}  // namespace coach::db
