// Reads one XLSX file with the importer's reader and prints what it read, its error and the
// process's peak RSS: bench/xlsx/run runs it once per file, so each peak is that file's alone.
#include "imports/xlsx_reader.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace {

long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:"))
            return std::stol(line.substr(6));
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: xlsx_peak FILE\n";
        return 2;
    }
    auto started = std::chrono::steady_clock::now();
    coach::imports::XlsxReader reader(argv[1], std::nullopt);
    coach::imports::Record record;
    long rows = 0;
    while (reader.next(record))
        ++rows;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << rows << '\t' << seconds << '\t' << peak_rss_kb() << '\t'
              << (reader.error().empty() ? "-" : reader.error()) << '\n';
    return 0;
}
