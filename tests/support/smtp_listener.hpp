#pragma once
// A real (minimal) SMTP server on 127.0.0.1 for mail tests: speaks EHLO/HELO, MAIL, RCPT,
// DATA, RSET, NOOP, QUIT over TCP and records what it accepted.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace coach::test {

struct ReceivedMail {
    std::string from;
    std::vector<std::string> to;
    std::string data;  // headers and body as sent, dot-unstuffed
};

class SmtpListener {
  public:
    SmtpListener();
    ~SmtpListener();
    unsigned short port() const { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    std::vector<ReceivedMail> received();
    void reject_recipients(bool reject);  // answer RCPT with 550

  private:
    void serve();
    void session(boost::asio::ip::tcp::socket socket);

    boost::asio::io_context io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    unsigned short port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<ReceivedMail> mail_;
    bool reject_ = false;
};

}  // namespace coach::test
