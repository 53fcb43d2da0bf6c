// A JSON request body (src/http/json_input.hpp): parse_json_object on a request carrying the
// input, then the field checks a handler runs on what parsed (Fields, read_columns,
// reject_unknown) and the text predicates on every string in it.
#include "check.hpp"
#include "http/json_input.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace json = boost::json;
using coach::http::Column;
using coach::http::Fields;

// Field names the corpus uses, so parsed objects reach each check with every kind of value.
constexpr std::array<std::string_view, 3> kLabels = {"PLANNED", "DONE", "CANCELLED"};
const std::array<Column, 8> kColumns = {{
    {"title", Column::Text, false, 200},
    {"tags", Column::Texts, true, 50},
    {"score", Column::Integer, true, 0, 0, 100},
    {"private", Column::Flag, false},
    {"due", Column::Date},
    {"at", Column::Timestamp},
    {"agent_id", Column::Uuid},
    {"status", Column::OneOf, false, 0, 0, 0, kLabels},
}};

void predicates(std::string_view s) {
    (void)coach::http::is_uuid(s);
    (void)coach::http::is_date(s);
    (void)coach::http::is_timestamp(s);
    (void)coach::http::is_email(s);
    (void)coach::http::is_web_url(s);
}

// Every string (keys too) down to a bounded depth: the predicates see what a handler would.
void visit(const json::value& v, int depth) {
    if (depth > 8)
        return;
    if (v.is_string()) {
        predicates(v.as_string());
    } else if (v.is_array()) {
        for (const auto& item : v.as_array())
            visit(item, depth + 1);
    } else if (v.is_object()) {
        for (const auto& kv : v.as_object()) {
            predicates(kv.key());
            visit(kv.value(), depth + 1);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    predicates(text);

    coach::http::Request req{coach::http::Verb::post, "/api/v1/quick-notes", 11};
    req.set(coach::http::beast_http::field::content_type, "application/json; charset=utf-8");
    req.body() = std::string(text);
    req.prepare_payload();
    auto parsed = coach::http::parse_json_object(req);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.empty());
        return 0;
    }
    const json::object& o = *parsed;
    visit(o, 0);

    Fields f(o);
    (void)f.string("name", false, 100, 1);
    (void)f.email("email", false);
    (void)f.uuid("id", false);
    (void)f.date("date", false);
    (void)f.timestamp("at", false);
    (void)f.string_array("tags", false, 20, 50);
    (void)f.one_of("status", false, kLabels);
    (void)f.boolean("private", false);
    (void)f.integer("score", false, -1000, 1000);
    (void)f.patch_string("notes", 2000);
    (void)f.patch_uuid("agent_id");
    (void)f.patch_date("due", false);
    (void)f.patch_email("email");
    (void)f.patch_one_of("status", kLabels);
    f.reject_unknown({"name", "email", "id", "date", "at", "tags", "status", "private", "score"});
    if (!f.ok())
        FUZZ_CHECK(!f.error().details.empty());

    Fields g(o);
    json::object set;
    coach::http::read_columns(o, g, kColumns, set);
    coach::http::reject_unknown(o, g, {kColumns}, {"version"});
    // What read_columns writes is only ever a listed column.
    for (const auto& kv : set) {
        bool listed = false;
        for (const Column& c : kColumns)
            listed = listed || c.name == kv.key();
        FUZZ_CHECK(listed);
    }
    return 0;
}
