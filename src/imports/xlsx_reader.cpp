#include "imports/xlsx_reader.hpp"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <cmath>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <vector>

namespace coach::imports {
namespace {

std::string_view local_name(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i]; i += 2)
        if (local_name(attrs[i]) == name)
            return attrs[i + 1];
    return nullptr;
}

// Hinnant's civil_from_days.
std::string civil(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2);
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

enum class Style : unsigned char { Plain, Date, DateTime, Time, Percent };

Style style_of_format(int id, const std::string& code) {
    if (id == 22)  // m/d/yy h:mm
        return Style::DateTime;
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
        (id >= 50 && id <= 58))
        return Style::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || id == 32 || id == 33)
        return Style::Time;
    if (id == 9 || id == 10)
        return Style::Percent;
    if (code.empty())
        return Style::Plain;
    // Letters of the format outside quotes, escapes and [...] (colors, locales; [h] [m] [s]
    // are elapsed time).
    bool d = false, y = false, m = false, h = false, s = false, percent = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string::npos)
                break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            auto close = code.find(']', i);
            std::string inside = code.substr(i + 1, close == std::string::npos ? 0 : close - i - 1);
            if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H'))
                h = true;
            if (!inside.empty() && (inside[0] == 'm' || inside[0] == 'M'))
                m = h = true;  // elapsed minutes: a duration
            if (!inside.empty() && (inside[0] == 's' || inside[0] == 'S'))
                s = true;
            if (close == std::string::npos)
                break;
            i = close;
        } else {
            switch (c | 0x20) {
                case 'd':
                    d = true;
                    break;
                case 'y':
                    y = true;
                    break;
                case 'm':
                    m = true;
                    break;
                case 'h':
                    h = true;
                    break;
                case 's':
                    s = true;
                    break;
                default:
                    percent = percent || c == '%';
            }
        }
    }
    if ((d || y) && (h || s))
        return Style::DateTime;
    if (d || y)
        return Style::Date;
    if (h || s)
        return Style::Time;
    if (m)
        return Style::Date;
    return percent ? Style::Percent : Style::Plain;
}

std::string number_text(double v) {
    std::string s = fmt::format("{:.15g}", v);
    if (s.find('e') != std::string::npos)  // tiny or huge: plain decimal notation
        s = fmt::format("{:.10f}", v);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

// Runs expat over a whole (small) document with start/end/text callbacks.
struct Sax {
    std::function<void(std::string_view, const char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;
};

void XMLCALL on_start(void* p, const char* name, const char** attrs) {
    auto* s = static_cast<Sax*>(p);
    if (s->start)
        s->start(local_name(name), attrs);
}
void XMLCALL on_end(void* p, const char* name) {
    auto* s = static_cast<Sax*>(p);
    if (s->end)
        s->end(local_name(name));
}
void XMLCALL on_text(void* p, const char* text, int len) {
    auto* s = static_cast<Sax*>(p);
    if (s->text)
        s->text(std::string_view(text, static_cast<std::size_t>(len)));
}

// A limit in bytes, as the error message gives it.
std::string size_text(std::size_t bytes) {
    constexpr std::size_t kMb = std::size_t{1} << 20;
    return bytes >= kMb && bytes % kMb == 0 ? fmt::format("{} MB", bytes / kMb)
                                            : fmt::format("{} bytes", bytes);
}

XML_Parser make_parser(Sax& sax) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, &sax);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    return p;
}

}  // namespace

struct XlsxReader::Impl {
    Limits limits;
    zip_t* zip = nullptr;
    zip_file_t* sheet = nullptr;
    XML_Parser parser = nullptr;  // the sheet's
    XML_Parser active = nullptr;  // the parser running now (fail() stops it)
    Sax sax;
    std::string error;
    bool date1904 = false;
    std::vector<std::string> shared;
    std::vector<Style> styles;

    // Sheet reading state: the parser stops after each row (XML_StopParser, resumable), so
    // one row at a time is held, however many rows a buffer of XML holds.
    std::vector<char> buffer = std::vector<char>(std::size_t{1} << 16);
    std::size_t sheet_bytes = 0;
    bool suspended = false, last_chunk = false, finished = false;
    struct Row {
        long number = 0;
        std::vector<std::string> cells;
    };
    std::deque<Row> ready;
    Row row, current;
    long last_row = 0, rows_seen = 0;
    std::size_t next_col = 0, col = 0, row_bytes = 0, value_chars = 0;
    std::string type, value;
    Style style = Style::Plain;
    bool in_value = false, in_inline_text = false, in_cell = false;

    ~Impl() {
        if (parser)
            XML_ParserFree(parser);
        if (sheet)
            zip_fclose(sheet);
        if (zip)
            zip_discard(zip);
    }

    // The first error wins; the running parser stops at once.
    void fail(std::string why) {
        if (error.empty())
            error = std::move(why);
        if (active)
            XML_StopParser(active, XML_FALSE);
    }

    // Characters of UTF-8 text (bytes that do not continue a sequence).
    static std::size_t chars(std::string_view t) {
        std::size_t n = 0;
        for (unsigned char c : t)
            n += (c & 0xC0) != 0x80;
        return n;
    }

    // Streams entry `name` through a parser with `s`'s callbacks, at most `limit` bytes of it
    // uncompressed (checked while inflating). false when it is missing (`missing` set) or
    // failed (`error` set).
    bool parse_entry(const std::string& name, std::size_t limit, Sax& s, const char* what,
                     bool& missing) {
        missing = false;
        zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
        if (!f) {
            missing = true;
            return false;
        }
        XML_Parser p = make_parser(s);
        active = p;
        std::size_t total = 0;
        for (bool last = false; !last && error.empty();) {
            zip_int64_t n = zip_fread(f, buffer.data(), buffer.size());
            if (n < 0) {
                fail(fmt::format("the workbook's {} cannot be read (damaged file)", what));
                break;
            }
            last = n == 0;
            total += static_cast<std::size_t>(n);
            if (total > limit) {
                fail(fmt::format("the workbook's {} is larger than {} uncompressed, the limit",
                                 what, size_text(limit)));
                break;
            }
            if (XML_Parse(p, buffer.data(), static_cast<int>(n), last) != XML_STATUS_OK)
                fail(fmt::format("the workbook's {} is not valid XML ({})", what,
                                 XML_ErrorString(XML_GetErrorCode(p))));
        }
        active = nullptr;
        XML_ParserFree(p);
        zip_fclose(f);
        return error.empty();
    }

    bool open(const std::string& path, const std::optional<std::string>& wanted) {
        int code = 0;
        zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
        if (!zip) {
            error = "the file is not an XLSX workbook (it cannot be read as a ZIP archive)";
            return false;
        }
        bool missing = false;
        std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
        Sax wb{[&](std::string_view n, const char** a) {
                   if (n == "sheet") {
                       const char* name = attribute(a, "name");
                       const char* id = attribute(a, "id");
                       if (name && id)
                           sheets.emplace_back(name, id);
                   } else if (n == "workbookPr") {
                       const char* d = attribute(a, "date1904");
                       date1904 =
                           d && (std::string_view(d) == "1" || std::string_view(d) == "true");
                   }
               },
               {},
               {}};
        if (!parse_entry("xl/workbook.xml", limits.part_bytes, wb, "workbook", missing)) {
            if (missing)
                error = "the file is not an XLSX workbook (no xl/workbook.xml)";
            return false;
        }
        std::map<std::string, std::string> targets;
        Sax rs{[&](std::string_view n, const char** a) {
                   const char* id = attribute(a, "Id");
                   const char* target = attribute(a, "Target");
                   if (n == "Relationship" && id && target)
                       targets[id] = target;
               },
               {},
               {}};
        if (!parse_entry("xl/_rels/workbook.xml.rels", limits.part_bytes, rs, "relationships",
                         missing)) {
            if (missing)
                error = "the file is not an XLSX workbook (no xl/workbook.xml)";
            return false;
        }
        if (sheets.empty()) {
            error = "the workbook has no sheet";
            return false;
        }
        const std::pair<std::string, std::string>* chosen = &sheets.front();
        if (wanted) {
            chosen = nullptr;
            for (const auto& s : sheets)
                if (s.first == *wanted)
                    chosen = &s;
            if (!chosen) {
                error = "the workbook has no sheet named \"" + *wanted + "\"";
                return false;
            }
        }
        std::string target = targets[chosen->second];
        std::string entry = target.starts_with("/") ? target.substr(1) : "xl/" + target;

        bool in_si = false, in_t = false;
        int phonetic = 0;
        std::string text;
        Sax ss{[&](std::string_view n, const char**) {
                   if (n == "si") {
                       in_si = true;
                       text.clear();
                   } else if (n == "rPh") {
                       ++phonetic;
                   } else if (n == "t" && in_si && !phonetic) {
                       in_t = true;
                   }
               },
               [&](std::string_view n) {
                   if (n == "si") {
                       if (shared.size() >= limits.shared_strings)
                           fail(
                               fmt::format("the workbook has more than {} shared strings, the "
                                           "limit",
                                           limits.shared_strings));
                       shared.push_back(std::move(text));
                       text.clear();
                       in_si = false;
                   } else if (n == "rPh") {
                       --phonetic;
                   } else if (n == "t") {
                       in_t = false;
                   }
               },
               [&](std::string_view t) {
                   if (!in_t)
                       return;
                   text.append(t);
                   if (text.size() > limits.cell_chars && chars(text) > limits.cell_chars)
                       fail(
                           fmt::format("a shared string of the workbook is longer than {} "
                                       "characters, the limit",
                                       limits.cell_chars));
               }};
        if (!parse_entry("xl/sharedStrings.xml", limits.shared_strings_bytes, ss, "shared strings",
                         missing) &&
            !missing)
            return false;
        std::map<int, std::string> formats;
        bool in_xfs = false;
        std::vector<int> xf_formats;
        Sax sx{[&](std::string_view n, const char** a) {
                   if (n == "numFmt") {
                       const char* id = attribute(a, "numFmtId");
                       const char* c = attribute(a, "formatCode");
                       if (id && c)
                           formats[std::atoi(id)] = c;
                   } else if (n == "cellXfs") {
                       in_xfs = true;
                   } else if (n == "xf" && in_xfs) {
                       if (xf_formats.size() >= limits.cell_formats)
                           fail(
                               fmt::format("the workbook has more than {} cell formats, the "
                                           "limit",
                                           limits.cell_formats));
                       const char* id = attribute(a, "numFmtId");
                       xf_formats.push_back(id ? std::atoi(id) : 0);
                   }
               },
               [&](std::string_view n) {
                   if (n == "cellXfs")
                       in_xfs = false;
               },
               {}};
        if (!parse_entry("xl/styles.xml", limits.part_bytes, sx, "styles", missing) && !missing)
            return false;
        for (int id : xf_formats)
            styles.push_back(style_of_format(id, formats.count(id) ? formats[id] : ""));
        sheet = zip_fopen(zip, entry.c_str(), 0);
        if (!sheet) {
            error = "the workbook's sheet " + entry + " is missing";
            return false;
        }
        sax.start = [this](std::string_view n, const char** a) { start(n, a); };
        sax.end = [this](std::string_view n) { end(n); };
        sax.text = [this](std::string_view t) {
            if (!in_value && !in_inline_text)
                return;
            value.append(t);
            value_chars += chars(t);
            if (value_chars > limits.cell_chars)
                fail(
                    fmt::format("the cell in row {}, column {} holds more than {} characters, "
                                "the limit",
                                current.number, col + 1, limits.cell_chars));
        };
        parser = make_parser(sax);
        active = parser;
        return true;
    }

    void start(std::string_view n, const char** a) {
        if (n == "row") {
            current = Row{};
            row_bytes = 0;
            const char* r = attribute(a, "r");
            current.number = r ? std::atol(r) : last_row + 1;
            if (++rows_seen > limits.rows || current.number < 1 || current.number > limits.rows)
                fail(fmt::format("the sheet has more than {} rows, the limit", limits.rows));
            next_col = 0;
        } else if (n == "c") {
            in_cell = true;
            const char* r = attribute(a, "r");
            col = next_col;
            if (r) {
                std::size_t c = 0;
                for (const char* p = r; *p >= 'A' && *p <= 'Z' && c <= limits.columns; ++p)
                    c = c * 26 + static_cast<std::size_t>(*p - 'A' + 1);
                if (c > 0)
                    col = c - 1;
            }
            if (col >= limits.columns)
                fail(fmt::format("row {} has a cell past column {}, the limit", current.number,
                                 limits.columns));
            next_col = col + 1;
            const char* t = attribute(a, "t");
            type = t ? t : "n";
            const char* s = attribute(a, "s");
            std::size_t si = s ? static_cast<std::size_t>(std::atol(s)) : 0;
            style = si < styles.size() ? styles[si] : Style::Plain;
            value.clear();
            value_chars = 0;
        } else if (in_cell && (n == "v" || (n == "t" && type == "inlineStr"))) {
            in_value = n == "v";
            in_inline_text = n == "t";
        }
    }

    std::string cell_text() {
        if (type == "s") {
            std::size_t i = static_cast<std::size_t>(std::atol(value.c_str()));
            return i < shared.size() ? shared[i] : std::string();
        }
        if (type == "b")
            return value == "1" ? "TRUE" : "FALSE";
        if (type == "n" && !value.empty()) {
            char* end = nullptr;
            double v = std::strtod(value.c_str(), &end);
            if (end == value.c_str())
                return value;
            switch (style) {
                case Style::Date:
                    return serial_to_date(v, date1904);
                case Style::DateTime:
                    return serial_to_datetime(v, date1904);
                case Style::Time:
                    return std::to_string(std::llround(v * 86400.0));
                case Style::Percent:
                    return number_text(v * 100.0);
                case Style::Plain:
                    return number_text(v);
            }
        }
        return value;  // str, inlineStr, e (#N/A...), d (ISO text)
    }

    void end(std::string_view n) {
        if (!error.empty())
            return;
        if (n == "v" || n == "t") {
            in_value = in_inline_text = false;
        } else if (n == "c") {
            in_cell = false;
            if (current.cells.size() <= col)
                current.cells.resize(col + 1);
            current.cells[col] = cell_text();
            row_bytes += current.cells[col].size();
            if (row_bytes > limits.row_bytes)
                fail(fmt::format("row {} holds more than {} of text, the limit", current.number,
                                 size_text(limits.row_bytes)));
        } else if (n == "row") {
            last_row = current.number;
            ready.push_back(std::move(current));
            XML_StopParser(parser, XML_TRUE);  // resumed by the next pump()
        }
    }

    // Feeds the parser until a row is ready or the sheet ends (at most limits.sheet_bytes).
    void pump() {
        while (ready.empty() && !finished && error.empty()) {
            XML_Status status;
            if (suspended) {
                suspended = false;
                status = XML_ResumeParser(parser);
            } else {
                zip_int64_t n = zip_fread(sheet, buffer.data(), buffer.size());
                if (n < 0) {
                    error = "the workbook's sheet cannot be read (damaged file)";
                    return;
                }
                sheet_bytes += static_cast<std::size_t>(n);
                if (sheet_bytes > limits.sheet_bytes) {
                    fail(fmt::format("the sheet is larger than {} uncompressed, the limit",
                                     size_text(limits.sheet_bytes)));
                    return;
                }
                last_chunk = n == 0;
                status = XML_Parse(parser, buffer.data(), static_cast<int>(n), last_chunk);
            }
            if (status == XML_STATUS_SUSPENDED)
                suspended = true;
            else if (status == XML_STATUS_OK)
                finished = last_chunk;
            else if (error.empty())
                error = fmt::format("the sheet is not valid XML ({}, line {})",
                                    XML_ErrorString(XML_GetErrorCode(parser)),
                                    XML_GetCurrentLineNumber(parser));
        }
    }
};

XlsxReader::XlsxReader(const std::string& path, const std::optional<std::string>& sheet,
                       Limits limits)
    : impl_(std::make_unique<Impl>()) {
    impl_->limits = limits;
    impl_->open(path, sheet);
}

XlsxReader::~XlsxReader() = default;

const std::string& XlsxReader::error() const {
    return impl_->error;
}

bool XlsxReader::next(Record& out) {
    Impl& m = *impl_;
    for (;;) {
        if (!m.error.empty() || !m.sheet)
            return false;
        if (m.ready.empty())
            m.pump();
        if (m.ready.empty())
            return false;
        m.row = std::move(m.ready.front());
        m.ready.pop_front();
        bool blank = true;
        for (const auto& c : m.row.cells)
            if (c.find_first_not_of(" \t\r\n") != std::string::npos)
                blank = false;
        if (blank)
            continue;
        out.cells.assign(m.row.cells.begin(), m.row.cells.end());
        out.row = m.row.number;
        out.problem = {};
        return true;
    }
}

std::string XlsxReader::serial_to_date(double serial, bool date1904) {
    if (!(serial >= 1 && serial < 2958466))  // 9999-12-31
        return "";
    long days = static_cast<long>(std::floor(serial));
    if (date1904)
        return civil(days + (-24107));  // 1904-01-01 is day 0
    if (days == 60)
        return "1900-02-29";  // Lotus' leap-year bug: not a real date
    // Serial 1 = 1900-01-01; from 61 on, the phantom 1900-02-29 shifts by one.
    return civil(days - (days < 60 ? 25568 : 25569));
}

std::string XlsxReader::serial_to_datetime(double serial, bool date1904) {
    std::string date = serial_to_date(serial, date1904);
    if (date.empty())
        return date;
    long seconds = std::lround((serial - std::floor(serial)) * 86400.0);
    if (seconds >= 86400)  // rounds up to midnight: the next day
        return serial_to_date(std::floor(serial) + 1, date1904);
    if (seconds == 0)
        return date;
    if (seconds % 60 == 0)
        return fmt::format("{} {:02}:{:02}", date, seconds / 3600, seconds / 60 % 60);
    return fmt::format("{} {:02}:{:02}:{:02}", date, seconds / 3600, seconds / 60 % 60,
                       seconds % 60);
}

}  // namespace coach::imports
