#include "imports/templates.hpp"

#include "imports/profiles_columns.hpp"
#include "imports/sessions_columns.hpp"
#include "imports/users_columns.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace coach::imports {
namespace fs = std::filesystem;

namespace {

TemplateContent metrics_template() {
    // employee_id or email identifies the agent (one is enough); AHT in seconds (or m:ss).
    return {
        metrics_template_headers(),
        {"E1001", "",  "2024-03-01", "92.5", "88",   "90.25", "98", "95", "4.6", "78.5", "312",
         "54",    "3", "1",          "8",    "7.75", "30",    "30", "15", "96",  "100",  "91.5"}};
}

// "92.5", "88", "0.25": a decimal whose shortest form is itself (so it reads back unchanged).
std::optional<double> plain_number(const std::string& s) {
    if (s.empty() || s.size() > 15 || s.front() == '+' || s.front() == '.' || s.back() == '.')
        return std::nullopt;
    if (s.size() > 1 && s[0] == '0' && s[1] != '.')
        return std::nullopt;  // leading zero: an identifier such as 0042
    for (char c : s)
        if (!(c >= '0' && c <= '9') && c != '.' && c != '-')
            return std::nullopt;
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    if (fmt::format("{}", v) != s)
        return std::nullopt;
    return v;
}

}  // namespace

std::optional<TemplateContent> template_content(std::string_view import_type) {
    if (import_type == "METRICS")
        return metrics_template();
    if (import_type == "USERS")
        return users_template();
    if (import_type == "PROFILES")
        return profiles_template();
    if (import_type == "COACHING_HISTORY")
        return sessions_template();
    return std::nullopt;
}

std::string template_csv(const TemplateContent& t) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i)
                out.push_back(',');
            const std::string& c = cells[i];
            if (c.find_first_of(",\"\r\n") == std::string::npos) {
                out += c;
                continue;
            }
            out.push_back('"');
            for (char ch : c) {
                if (ch == '"')
                    out.push_back('"');
                out.push_back(ch);
            }
            out.push_back('"');
        }
        out += "\r\n";
    };
    line(t.headers);
    line(t.example);
    return out;
}

Result<std::string> template_xlsx(const TemplateContent& t, std::string_view sheet_name,
                                  const std::string& tmp_dir) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::path dir = tmp_dir.empty() ? fs::temp_directory_path(ec) : fs::path(tmp_dir);
    fs::create_directories(dir, ec);
    fs::path path = dir / fmt::format("coach-template-{}-{}.xlsx", getpid(), ++counter);
    std::string tmp = dir.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tmp.data();
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book)
        return make_error(ErrorCode::Internal, "cannot create " + path.string());
    std::string sheet_title(sheet_name.substr(0, 31));
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_title.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(sheet, 0, col, t.headers[c].c_str(), bold);
        worksheet_set_column(sheet, col, col, std::max<double>(10, t.headers[c].size() + 2),
                             nullptr);
    }
    for (std::size_t c = 0; c < t.example.size(); ++c) {
        const std::string& v = t.example[c];
        auto col = static_cast<lxw_col_t>(c);
        if (v.empty())
            continue;
        if (auto n = plain_number(v))
            worksheet_write_number(sheet, 1, col, *n, nullptr);
        else
            worksheet_write_string(sheet, 1, col, v.c_str(), nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR) {
        fs::remove(path, ec);
        return make_error(ErrorCode::Internal,
                          std::string("cannot write the template: ") + lxw_strerror(err));
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    in.close();
    fs::remove(path, ec);
    std::string bytes = s.str();
    if (bytes.empty())
        return make_error(ErrorCode::Internal, "cannot read the template back");
    return bytes;
}

}  // namespace coach::imports
