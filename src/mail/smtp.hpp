#pragma once
// Sends one plain-text message over SMTP with libcurl. Blocking: call it on a worker thread.
#include "core/error.hpp"

#include <string>

namespace coach::mail {

struct Message {
    std::string to;
    std::string subject;
    std::string body;
};

struct SmtpSettings {
    std::string url;   // smtp://host:port (smtps:// for TLS)
    std::string from;  // envelope and header sender
};

// The RFC 5322 text of the message (CRLF line ends, dot-stuffing left to curl).
std::string render(const Message& m, const std::string& from);

Result<void> send(const SmtpSettings& smtp, const Message& m);

}  // namespace coach::mail
