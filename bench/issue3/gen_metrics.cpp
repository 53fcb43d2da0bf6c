// bench/issue3/gen_metrics: the benchmark's METRICS files, deterministic, in one pass.
//
//   gen_metrics AGENTS DAYS END_DATE IMPORT_CSV RAW_CSV
//
// One row per agent i (1..AGENTS) and day d (0..DAYS-1, END_DATE-DAYS+1+d), day by day:
//   IMPORT_CSV  what `coach import --type METRICS` reads: employee_id (B + 7 digits),
//               metric_date and 11 metrics;
//   RAW_CSV     the same rows with agent_id (b2000000-0000-4000-8000-<i, 12 digits>), the users
//               bench/issue3/users.sql creates, for the raw COPY baseline.
// The figures are a fixed hash h(i, d, k) in 0..1000 of the agent, the day and the metric; all
// values are exact in hundredths, so the same arguments always give the same bytes. Every 9th
// agent declines by up to 13.5 points over the last 45 days; base levels are 62..94.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(era * 400 + yoe + (m <= 2));
}

int h(long i, long d, long k) {
    unsigned __int128 x = static_cast<unsigned __int128>(i * 7919 + d * 104729 + k * 1299709);
    return static_cast<int>(((x * 2654435761u) % 4294967291u) % 1001);
}

class Out {
  public:
    explicit Out(const char* path) : f_(std::fopen(path, "wb")) {
        if (!f_) {
            std::perror(path);
            std::exit(1);
        }
        buf_.reserve(kFlush + 4096);
    }
    ~Out() {
        flush();
        if (std::fclose(f_) != 0) {
            std::perror("fclose");
            std::exit(1);
        }
    }
    void str(const char* s, std::size_t n) { buf_.append(s, n); }
    void ch(char c) { buf_.push_back(c); }
    void uint(long v) {
        char tmp[24];
        int n = 0;
        do {
            tmp[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v);
        while (n)
            buf_.push_back(tmp[--n]);
    }
    void padded(long v, int width) {
        char tmp[24];
        for (int p = width - 1; p >= 0; --p, v /= 10)
            tmp[p] = static_cast<char>('0' + v % 10);
        buf_.append(tmp, static_cast<std::size_t>(width));
    }
    void hundredths(long v) {  // v >= 0, as N.NN
        uint(v / 100);
        ch('.');
        padded(v % 100, 2);
    }
    void end_row() {
        buf_.push_back('\n');
        if (buf_.size() >= kFlush)
            flush();
    }

  private:
    static constexpr std::size_t kFlush = 1 << 20;
    void flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
            std::perror("fwrite");
            std::exit(1);
        }
        buf_.clear();
    }
    std::FILE* f_;
    std::string buf_;
};

long clamp100(long v) {
    return v < 0 ? 0 : v > 10000 ? 10000 : v;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: gen_metrics AGENTS DAYS END_DATE IMPORT_CSV RAW_CSV\n");
        return 2;
    }
    const long agents = std::atol(argv[1]), days = std::atol(argv[2]);
    int ey = 0, em = 0, ed = 0;
    if (agents <= 0 || days <= 0 || std::sscanf(argv[3], "%d-%d-%d", &ey, &em, &ed) != 3) {
        std::fprintf(stderr, "gen_metrics: bad arguments\n");
        return 2;
    }
    const long first =
        days_from_civil(ey, static_cast<unsigned>(em), static_cast<unsigned>(ed)) - (days - 1);
    const char kHeader[] =
        "service_score,productivity_score,quality_score,attendance_rate,adherence_score,csat,"
        "fcr,aht,calls_handled,scheduled_hours,actual_hours\n";
    Out csv(argv[4]), raw(argv[5]);
    csv.str("employee_id,metric_date,", 24);
    csv.str(kHeader, sizeof kHeader - 1);
    raw.str("agent_id,metric_date,", 21);
    raw.str(kHeader, sizeof kHeader - 1);
    for (long d = 0; d < days; ++d) {
        int y = 0, m = 0, dd = 0;
        civil_from_days(first + d, y, m, dd);
        char date[40];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
        for (long i = 1; i <= agents; ++i) {
            const long base = (62 + (i * 37) % 33) * 100 -
                              (i % 9 == 0 && d > days - 45 ? (d - (days - 45)) * 30 : 0);
            int hk[11];
            for (int k = 1; k <= 10; ++k)
                hk[k] = h(i, d, k);
            for (Out* o : {&csv, &raw}) {
                if (o == &csv) {
                    o->ch('B');
                    o->padded(i, 7);
                } else {
                    o->str("b2000000-0000-4000-8000-", 24);
                    o->padded(i, 12);
                }
                o->ch(',');
                o->str(date, 10);
                for (int k = 1; k <= 5; ++k) {
                    o->ch(',');
                    o->hundredths(k == 4 ? clamp100(base + 600 + (hk[k] - 500))
                                         : clamp100(base + (hk[k] - 500) * 2));
                }
                o->ch(',');
                o->hundredths(100 + hk[6] % 400);  // csat 1.00..4.99
                o->ch(',');
                o->hundredths(5500 + hk[7] * 4);  // fcr 55.00..95.00
                o->ch(',');
                o->uint(240 + hk[8] % 300);  // aht, seconds
                o->ch(',');
                o->uint(20 + hk[9] % 60);           // calls_handled
                o->str(",8.00,", 6);                // scheduled_hours
                o->hundredths(650 + hk[10] % 200);  // actual_hours 6.50..8.49
                o->end_row();
            }
        }
    }
    return 0;
}
