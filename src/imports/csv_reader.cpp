#include "imports/csv_reader.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace coach::imports {
namespace {

constexpr std::string_view kUnterminated = "a quoted cell is never closed (a \" is missing)";
constexpr std::string_view kAfterQuote = "unexpected text after the closing quote of a cell";

// Windows-1252's 0x80 - 0x9F as UTF-8 (the five unassigned bytes as U+FFFD); 0xA0 - 0xFF are
// U+00A0 - U+00FF as in Latin-1.
constexpr std::array<std::string_view, 32> kWindows1252High = {
    "\u20AC", "\uFFFD", "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021",
    "\u02C6", "\u2030", "\u0160", "\u2039", "\u0152", "\uFFFD", "\u017D", "\uFFFD",
    "\uFFFD", "\u2018", "\u2019", "\u201C", "\u201D", "\u2022", "\u2013", "\u2014",
    "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", "\uFFFD", "\u017E", "\u0178"};

void append_windows_1252(std::string& out, std::string_view in) {
    for (char c : in) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out.push_back(c);
        } else if (u < 0xA0) {
            out += kWindows1252High[u - 0x80];
        } else {
            out.push_back(static_cast<char>(0xC0 | (u >> 6)));
            out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
        }
    }
}

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t')
            return false;
    return true;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::size_t chunk_size, std::size_t max_record_bytes)
    : in_(in), chunk_(chunk_size ? chunk_size : kDefaultChunk), max_record_(max_record_bytes) {}

void CsvReader::fail(std::string message) {
    if (error_.empty())
        error_ = std::move(message);
    eof_ = true;
    pos_ = end_;
}

bool CsvReader::fill() {
    if (eof_)
        return false;
    if (pos_ > 0) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
    }
    std::size_t n = 0;
    if (windows_1252_) {
        raw_.resize(chunk_);
        in_.read(raw_.data(), static_cast<std::streamsize>(chunk_));
        n = static_cast<std::size_t>(in_.gcount());
        buf_.resize(end_);
        append_windows_1252(buf_, std::string_view(raw_).substr(0, n));
        end_ = buf_.size();
    } else {
        if (buf_.size() < end_ + chunk_)
            buf_.resize(end_ + chunk_);
        in_.read(buf_.data() + end_, static_cast<std::streamsize>(chunk_));
        n = static_cast<std::size_t>(in_.gcount());
        end_ += n;
    }
    consumed_ += n;
    if (in_.bad()) {
        fail("the file could not be read");
        return false;
    }
    if (n < chunk_)
        eof_ = true;
    return n > 0;
}

void CsvReader::start() {
    started_ = true;
    // Enough of the file to see the byte order mark and the whole first line.
    constexpr std::size_t kLookahead = std::size_t{64} * 1024;
    while (end_ < kLookahead && fill()) {
    }
    if (refused_as_not_text())
        return;
    const auto* u = reinterpret_cast<const unsigned char*>(buf_.data());
    if (end_ >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        pos_ = 3;
    } else {
        // The first 64 KiB, up to their last line end when more follows (a line end never
        // splits a character).
        std::string_view seen(buf_.data(), std::min(end_, kLookahead));
        if ((seen.size() < end_ || !eof_) && seen.find_last_of('\n') != std::string_view::npos)
            seen = seen.substr(0, seen.find_last_of('\n'));
        if (!valid_utf8(seen)) {
            windows_1252_ = true;
            std::string converted;
            append_windows_1252(converted, std::string_view(buf_.data(), end_));
            buf_ = std::move(converted);
            end_ = buf_.size();
        }
    }
    // The separator: the most frequent of , ; TAB outside quotes on the first non-blank line
    // (ties go to comma, then semicolon).
    std::size_t i = pos_;
    for (;;) {  // skip blank lines
        std::size_t j = i;
        while (j < end_ && (buf_[j] == ' ' || buf_[j] == '\t'))
            ++j;
        if (j < end_ && (buf_[j] == '\n' || buf_[j] == '\r')) {
            i = j + 1;
            continue;
        }
        break;
    }
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; i < end_; ++i) {
        char c = buf_[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted) {
            if (c == '\n' || c == '\r')
                break;
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    if (semicolons > commas && semicolons >= tabs)
        delimiter_ = ';';
    else if (tabs > commas && tabs > semicolons)
        delimiter_ = '\t';
    else
        delimiter_ = ',';
}

bool CsvReader::refused_as_not_text() {
    const auto* u = reinterpret_cast<const unsigned char*>(buf_.data());
    if (end_ >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        fail("the file is UTF-16 text; save it as \"CSV UTF-8\"");
    else if (end_ >= 2 && u[0] == 0x1F && u[1] == 0x8B)
        fail("the file is compressed (gzip): unpack it and upload the CSV file inside");
    else if (std::memchr(buf_.data(), '\0', end_) != nullptr)
        fail("the file is not text (it holds NUL bytes): upload the CSV or XLSX file itself");
    else
        return false;
    return true;
}

std::string CsvReader::notice() const {
    return windows_1252_ ? "the file is not UTF-8: it was read as Windows-1252 (Excel's \"CSV\"; "
                           "\"CSV UTF-8\" avoids this)"
                         : std::string();
}

CsvReader::Parse CsvReader::parse(Record& out) {
    spans_.clear();
    scratch_.clear();
    out.problem = {};
    const char* b = buf_.data();
    const char d = delimiter_;
    std::size_t i = pos_;
    std::size_t next_pos = pos_;
    for (;;) {  // one cell per iteration
        std::size_t k = i;
        while (k < end_ && b[k] == ' ')
            ++k;
        if (k == end_ && !eof_)
            return Parse::NeedMore;
        if (k < end_ && b[k] == '"') {
            std::size_t seg = k + 1, j = seg, close = 0;
            bool escaped = false, closed = false;
            for (;;) {
                const void* q = j < end_ ? std::memchr(b + j, '"', end_ - j) : nullptr;
                if (!q) {
                    if (!eof_)
                        return Parse::NeedMore;
                    close = end_;
                    break;
                }
                std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(q) - b);
                if (qi + 1 == end_ && !eof_)
                    return Parse::NeedMore;
                if (qi + 1 < end_ && b[qi + 1] == '"') {
                    escaped = true;
                    j = qi + 2;
                    continue;
                }
                close = qi;
                closed = true;
                break;
            }
            if (escaped) {
                std::size_t start = scratch_.size();
                for (std::size_t p = seg; p < close; ++p) {
                    scratch_.push_back(b[p]);
                    if (b[p] == '"')
                        ++p;  // "" -> "
                }
                spans_.push_back({start, scratch_.size() - start, true});
            } else {
                spans_.push_back({seg, close - seg, false});
            }
            if (!closed) {
                out.problem = kUnterminated;
                i = end_;
            } else {
                i = close + 1;
                while (i < end_ && b[i] == ' ')
                    ++i;
                if (i == end_ && !eof_)
                    return Parse::NeedMore;
                if (i < end_ && b[i] != d && b[i] != '\n' && b[i] != '\r') {
                    out.problem = kAfterQuote;
                    while (i < end_ && b[i] != d && b[i] != '\n' && b[i] != '\r')
                        ++i;
                    if (i == end_ && !eof_)
                        return Parse::NeedMore;
                }
            }
        } else {
            std::size_t j = i;
            while (j < end_) {
                char c = b[j];
                if (c == d || c == '\n' || c == '\r')
                    break;
                ++j;
            }
            if (j == end_ && !eof_)
                return Parse::NeedMore;
            spans_.push_back({i, j - i, false});
            i = j;
        }
        if (i >= end_) {
            next_pos = end_;
            break;
        }
        char c = b[i];
        if (c == d) {
            ++i;
            continue;
        }
        if (c == '\n') {
            next_pos = i + 1;
            break;
        }
        // '\r': CRLF, or a lone CR ending the line
        if (i + 1 == end_ && !eof_)
            return Parse::NeedMore;
        next_pos = (i + 1 < end_ && b[i + 1] == '\n') ? i + 2 : i + 1;
        break;
    }
    pos_ = next_pos;
    out.cells.resize(spans_.size());
    for (std::size_t c = 0; c < spans_.size(); ++c) {
        const Span& s = spans_[c];
        out.cells[c] = s.in_scratch ? std::string_view(scratch_).substr(s.begin, s.size)
                                    : std::string_view(buf_.data() + s.begin, s.size);
    }
    return Parse::Complete;
}

bool CsvReader::next(Record& out) {
    if (!started_)
        start();
    for (;;) {
        if (!error_.empty())
            return false;
        if (pos_ >= end_ && !fill())
            return false;
        if (parse(out) == Parse::NeedMore) {
            if (end_ - pos_ >= max_record_) {
                std::string limit = max_record_ >= (1 << 20)
                                        ? std::to_string(max_record_ >> 20) + " MB"
                                        : std::to_string(max_record_) + " bytes";
                fail("row " + std::to_string(row_ + 1) + " is longer than " + limit +
                     " (is a quote never closed?)");
                return false;
            }
            fill();
            continue;
        }
        ++row_;
        bool all_blank = true;
        for (auto cell : out.cells)
            if (!blank(cell)) {
                all_blank = false;
                break;
            }
        if (all_blank && out.problem.empty())
            continue;
        out.row = row_;
        return true;
    }
}

}  // namespace coach::imports
