#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <ctime>
#include <memory>

namespace coach::mail {
namespace {

// Header values come from the database: no CR/LF may smuggle in extra headers.
std::string header_safe(std::string s) {
    for (char& c : s)
        if (c == '\r' || c == '\n')
            c = ' ';
    return s;
}

struct Reader {
    std::string text;
    std::size_t pos = 0;
};

size_t read_cb(char* buffer, size_t size, size_t nitems, void* userdata) {
    auto* r = static_cast<Reader*>(userdata);
    size_t n = std::min(size * nitems, r->text.size() - r->pos);
    std::memcpy(buffer, r->text.data() + r->pos, n);
    r->pos += n;
    return n;
}

}  // namespace

std::string render(const Message& m, const std::string& from) {
    char date[64];
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    std::string out = "Date: " + std::string(date) + "\r\nFrom: " + header_safe(from) +
                      "\r\nTo: " + header_safe(m.to) + "\r\nSubject: " + header_safe(m.subject) +
                      "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                      "Content-Transfer-Encoding: 8bit\r\n\r\n";
    for (std::size_t i = 0; i < m.body.size(); ++i) {
        if (m.body[i] == '\n' && (i == 0 || m.body[i - 1] != '\r'))
            out += '\r';
        out += m.body[i];
    }
    if (!out.ends_with("\r\n"))
        out += "\r\n";
    return out;
}

Result<void> send(const SmtpSettings& smtp, const Message& m) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        return make_error(ErrorCode::Internal, "curl_easy_init failed");
    Reader reader{render(m, smtp.from)};
    std::string from = "<" + header_safe(smtp.from) + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + header_safe(m.to) + ">").c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt,
                                                                           curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl.get(), CURLOPT_URL, smtp.url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error);
    CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK)
        return make_error(ErrorCode::Unavailable, std::string("SMTP delivery failed: ") +
                                                      (error[0] ? error : curl_easy_strerror(rc)));
    return {};
}

}  // namespace coach::mail
