#pragma once
// Streaming CSV reader (RFC 4180): quoted cells with "" escapes, separators and newlines inside
// quotes, CRLF or LF (or a lone CR), UTF-8 with or without a byte order mark, the separator
// (comma, semicolon or tab) detected from the first non-blank line. Reads the stream in
// chunks: memory is one chunk plus the longest record, never the whole file.
//
// Encoding: when the first 64 KiB are not UTF-8 the file is read as Windows-1252 (Excel's
// "CSV" on Western Windows) and notice() says so; a file whose first 64 KiB hold a NUL byte, or
// that starts as a gzip or UTF-16 file, is not CSV text and is refused (error()). Bytes that are
// not UTF-8 further on stay as they are, and the importer reports their cells.
//
// Leniency: a quote inside an unquoted cell is kept as a character; spaces around a quoted
// cell are ignored. Text after a closing quote and a quote never closed are reported as the
// record's problem (the record is still returned so the report can name its row).
#include "imports/record_source.hpp"

#include <istream>
#include <string>

namespace coach::imports {

class CsvReader final : public RecordSource {
  public:
    static constexpr std::size_t kDefaultChunk = 1 << 20;
    static constexpr std::size_t kMaxRecordBytes = 16 << 20;

    explicit CsvReader(std::istream& in, std::size_t chunk_size = kDefaultChunk,
                       std::size_t max_record_bytes = kMaxRecordBytes);

    bool next(Record& out) override;
    const std::string& error() const override { return error_; }
    bool decimal_comma() const override { return delimiter_ != ','; }
    // ',', ';' or '\t' (known once the first record has been read).
    char delimiter() const { return delimiter_; }
    std::size_t bytes_read() const override { return consumed_; }
    std::string notice() const override;

  private:
    enum class Parse { Complete, NeedMore };
    Parse parse(Record& out);
    bool fill();  // reads one more chunk; false at end of input
    void start();
    bool refused_as_not_text();  // on the first chunk: NUL, gzip, UTF-16
    void fail(std::string message);

    std::istream& in_;
    std::size_t chunk_;
    std::size_t max_record_;
    std::string buf_;
    std::size_t pos_ = 0;  // start of the unparsed data
    std::size_t end_ = 0;  // end of the data read
    bool eof_ = false;
    bool started_ = false;
    bool windows_1252_ = false;  // each chunk is converted to UTF-8 as it is read
    std::string raw_;            // a chunk as read, before that conversion
    char delimiter_ = ',';
    long row_ = 0;
    std::size_t consumed_ = 0;
    std::string scratch_;  // unescaped cells ("" -> ") of the current record
    struct Span {
        std::size_t begin, size;
        bool in_scratch;
    };
    std::vector<Span> spans_;
    std::string error_;
};

}  // namespace coach::imports
