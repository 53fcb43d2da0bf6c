#include "support/smtp_listener.hpp"

#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <istream>

namespace coach::test {
namespace asio = boost::asio;
using asio::ip::tcp;

SmtpListener::SmtpListener()
    : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { serve(); });
}

SmtpListener::~SmtpListener() {
    boost::system::error_code ec;
    acceptor_.close(ec);
    // Unblock accept() with a throwaway connection if it is still waiting.
    tcp::socket poke(io_);
    poke.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ec);
    thread_.join();
}

std::vector<ReceivedMail> SmtpListener::received() {
    std::lock_guard lock(mutex_);
    return mail_;
}

void SmtpListener::reject_recipients(bool reject) {
    std::lock_guard lock(mutex_);
    reject_ = reject;
}

void SmtpListener::serve() {
    for (;;) {
        boost::system::error_code ec;
        tcp::socket s(io_);
        acceptor_.accept(s, ec);
        if (ec || !acceptor_.is_open())
            return;
        session(std::move(s));  // one client at a time is all the tests need
    }
}

void SmtpListener::session(tcp::socket s) {
    boost::system::error_code ec;
    asio::streambuf in;
    auto say = [&](const std::string& line) { asio::write(s, asio::buffer(line + "\r\n"), ec); };
    auto read_line = [&](std::string& line) {
        asio::read_until(s, in, "\r\n", ec);
        if (ec)
            return false;
        std::istream is(&in);
        std::getline(is, line);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return true;
    };
    say("220 coach-test ESMTP");
    ReceivedMail current;
    std::string line;
    while (read_line(line)) {
        std::string verb = line.substr(0, 4);
        for (auto& c : verb)
            c = static_cast<char>(std::toupper(c));
        if (verb == "EHLO" || verb == "HELO") {
            say("250 coach-test");
        } else if (verb == "MAIL") {
            current = {};
            current.from = line.substr(line.find(':') + 1);
            say("250 OK");
        } else if (verb == "RCPT") {
            bool reject;
            {
                std::lock_guard lock(mutex_);
                reject = reject_;
            }
            if (reject) {
                say("550 No such user");
            } else {
                current.to.push_back(line.substr(line.find(':') + 1));
                say("250 OK");
            }
        } else if (verb == "DATA") {
            say("354 End data with <CR><LF>.<CR><LF>");
            std::string data;
            while (read_line(line) && line != ".") {
                if (line.starts_with(".."))
                    line.erase(0, 1);
                data += line + "\n";
            }
            current.data = data;
            {
                std::lock_guard lock(mutex_);
                mail_.push_back(current);
            }
            say("250 OK queued");
        } else if (verb == "QUIT") {
            say("221 Bye");
            return;
        } else if (verb == "RSET" || verb == "NOOP") {
            say("250 OK");
        } else {
            say("502 Command not implemented");
        }
    }
}

}  // namespace coach::test
