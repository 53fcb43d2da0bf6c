// The pure parts of USERS, PROFILES and COACHING_HISTORY imports: header matching with
// aliases, cell parsing (enum labels, yes/no, whole numbers, ';' lists, date-times), COPY text
// escaping, and the templates.
#include "imports/profiles_columns.hpp"
#include "imports/sessions_columns.hpp"
#include "imports/templates.hpp"
#include "imports/users_columns.hpp"

#include <gtest/gtest.h>

namespace coach::imports {
namespace {

TEST(ImportsTable, HeaderMatchingByNameAndAlias) {
    std::vector<ImportError> errors;
    std::vector<std::string_view> cells = {
        "Employee ID", " E-mail Address ", "Team Leader", "Favourite", "",
        "Full Name",   "Start Date",       "EMAIL"};
    auto h = match_table_header(users_columns(), cells, 1, errors);
    EXPECT_EQ(h.cell[kUserEmployeeId], 0u);
    EXPECT_EQ(h.cell[kUserEmail], 1u);
    EXPECT_EQ(h.header[kUserEmail], "E-mail Address");
    EXPECT_EQ(h.cell[kUserTeamLeader], 2u);
    EXPECT_EQ(h.cell[kUserName], 5u);
    EXPECT_EQ(h.cell[kUserHireDate], 6u);  // "Start Date"
    EXPECT_FALSE(h.has(kUserRole));
    EXPECT_EQ(h.ignored, std::vector<std::string>{"Favourite"});
    EXPECT_EQ(h.cells, 8u);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], (ImportError{1, "EMAIL", "EMAIL",
                                      "means the same column as \"E-mail Address\"; keep only "
                                      "one"}));
}

TEST(ImportsTable, RowsAreTrimmedAndPlaceholdersBlank) {
    std::vector<ImportError> errors;
    std::vector<std::string_view> header = {"email", "name"};
    auto h = match_table_header(users_columns(), header, 1, errors);
    Record rec;
    rec.row = 7;
    rec.cells = {" a@x.org ", "N/A", "extra"};
    auto row = table_row(h, rec);
    EXPECT_EQ(row.row, 7);
    EXPECT_EQ(row.cells[kUserEmail], "a@x.org");
    EXPECT_EQ(row.cells[kUserName], "");
    EXPECT_EQ(row.cells[kUserRole], "");  // absent column
    EXPECT_EQ(row.extra, "extra");
    RowErrors e;
    EXPECT_FALSE(common_row_checks(h, row, e));
    auto list = e.take();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].error, "has more cells than the header has columns");
}

TEST(ImportsTable, CellParsing) {
    EXPECT_EQ(enum_label("team leader"), "TEAM_LEADER");
    EXPECT_EQ(enum_label("Follow-Up"), "FOLLOW_UP");
    EXPECT_EQ(enum_label("pip  check"), "PIP_CHECK");
    EXPECT_EQ(enum_label("AGENT"), "AGENT");
    EXPECT_EQ(parse_bool("Yes"), true);
    EXPECT_EQ(parse_bool("n"), false);
    EXPECT_EQ(parse_bool("0"), false);
    EXPECT_EQ(parse_bool("maybe"), std::nullopt);
    long v = 0;
    EXPECT_EQ(parse_int("30", 1, 480, v), nullptr);
    EXPECT_EQ(v, 30);
    EXPECT_EQ(parse_int("45.0", 1, 480, v), nullptr);
    EXPECT_EQ(v, 45);
    EXPECT_STREQ(parse_int("0", 1, 480, v), "must be between 1 and 480");
    EXPECT_STREQ(parse_int("4.5", 1, 5, v), "must be a whole number");
    EXPECT_STREQ(parse_int("", 1, 5, v), "must be a whole number");
    EXPECT_EQ(list_literal("Empathy; Product knowledge;; "), R"({"Empathy","Product knowledge"})");
    EXPECT_EQ(list_literal(" ; ;"), std::nullopt);
    EXPECT_EQ(list_literal(R"(say "hi")"), R"({"say \"hi\""})");
    std::string copy;
    copy_field(copy, std::string("a\tb\\c\nd\re"), true);
    copy_field(copy, std::nullopt);
    EXPECT_EQ(copy, "a\\tb\\\\c\\nd\\re\t\\N");
    constexpr std::string_view labels[] = {"A", "B"};
    EXPECT_EQ(one_of_message(labels), "must be one of A, B");
}

TEST(ImportsTable, RandomUuidsAreVersion4) {
    std::string a = random_uuid(), b = random_uuid();
    EXPECT_NE(a, b);
    ASSERT_EQ(a.size(), 36u);
    EXPECT_EQ(a[14], '4');
    EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);
}

TEST(ImportsTable, SessionDateTimes) {
    Instant d;
    ASSERT_EQ(parse_instant("2024-03-01", d), nullptr);
    EXPECT_EQ(d.text, "2024-03-01 00:00:00+00:00");
    EXPECT_EQ(d.epoch, 1709251200);  // 19783 days * 86400
    ASSERT_EQ(parse_instant("2024-03-02T14:00:00+01:00", d), nullptr);
    EXPECT_EQ(d.text, "2024-03-02 14:00:00+01:00");
    EXPECT_EQ(d.epoch, 1709251200 + 86400 + 13 * 3600);  // 13:00 UTC
    ASSERT_EQ(parse_instant("2024/3/1 9:05", d), nullptr);
    EXPECT_EQ(d.text, "2024-03-01 09:05:00+00:00");
    ASSERT_EQ(parse_instant("2024-03-01T09:05:30Z", d), nullptr);
    EXPECT_EQ(d.epoch, 1709251200 + 9 * 3600 + 5 * 60 + 30);
    EXPECT_STREQ(parse_instant("2024-03-01 24:00", d), "is not a real time of day");
    EXPECT_STREQ(parse_instant("2024-03-01 9h", d),
                 "must be a time (HH:MM) or a date and time (YYYY-MM-DD HH:MM)");
    EXPECT_STREQ(parse_instant("2024-03-01 09:00+15:00", d), "has a time zone that is not +HH:MM");
    EXPECT_STREQ(parse_instant("01/03/2024", d),
                 "is ambiguous (day or month first?): write dates as YYYY-MM-DD");

    Instant day, t;
    ASSERT_EQ(parse_instant("2024-03-02 14:00+01:00", day), nullptr);
    ASSERT_EQ(parse_time_on("14:45", day, t), nullptr);  // the day's zone
    EXPECT_EQ(t.text, "2024-03-02 14:45:00+01:00");
    EXPECT_EQ(t.epoch - day.epoch, 45 * 60);
    ASSERT_EQ(parse_time_on("13:45Z", day, t), nullptr);
    EXPECT_EQ(t.epoch - day.epoch, 45 * 60);
    ASSERT_EQ(parse_time_on("2024-03-03 08:00", day, t), nullptr);  // a whole date-time
    EXPECT_EQ(t.text, "2024-03-03 08:00:00+00:00");
}

TEST(ImportsTable, TemplatesHaveOneExampleCellPerHeader) {
    for (auto type : {"METRICS", "USERS", "PROFILES", "COACHING_HISTORY"}) {
        auto t = template_content(type);
        ASSERT_TRUE(t) << type;
        EXPECT_EQ(t->headers.size(), t->example.size()) << type;
    }
    EXPECT_EQ(users_template().headers.size(), users_columns().size());
    EXPECT_EQ(profiles_template().headers.size(), profiles_columns().size());
    EXPECT_EQ(sessions_template().headers.size(), sessions_columns().size());
    EXPECT_FALSE(template_content("NOPE"));
    TemplateContent t{{"a", "b,c", "d"}, {"1", "say \"hi\"", ""}};
    EXPECT_EQ(sheet_csv(template_sheet(t, "x")), "a,\"b,c\",d\r\n1,\"say \"\"hi\"\"\",\r\n");
}

}  // namespace
}  // namespace coach::imports
