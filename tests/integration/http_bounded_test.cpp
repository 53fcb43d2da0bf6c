// Bounded memory at the HTTP edge (docs/architecture.md, "Bounded memory"): an upload's body is
// read only after its caller was authenticated and admitted and took one of the upload slots;
// connections past COACH_MAX_CONNECTIONS are closed as they come.
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include <filesystem>

#include <sys/socket.h>
#include <sys/time.h>

namespace coach::test {
namespace {
namespace asio = boost::asio;
using asio::ip::tcp;

// A client connection whose reads give up after `timeout_s` seconds (a reply that never comes
// fails the test instead of hanging it).
class Client {
  public:
    Client(unsigned short port, int timeout_s = 10) : socket_(ioc_) {
        socket_.connect({asio::ip::make_address("127.0.0.1"), port});
        timeval tv{timeout_s, 0};
        ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    void send(const std::string& bytes) {
        boost::system::error_code ec;
        asio::write(socket_, asio::buffer(bytes), ec);
    }
    // The next response's status line and headers ("" when none came); its body is skipped.
    std::string read_head() {
        boost::system::error_code ec;
        std::size_t n = asio::read_until(socket_, asio::dynamic_buffer(buffer_), "\r\n\r\n", ec);
        if (ec)
            return "";
        std::string head = buffer_.substr(0, n);
        buffer_.erase(0, n);
        std::size_t length = 0;
        if (auto at = head.find("Content-Length: "); at != std::string::npos)
            length = std::stoul(head.substr(at + 16));
        if (buffer_.size() < length)
            asio::read(socket_, asio::dynamic_buffer(buffer_),
                       asio::transfer_exactly(length - buffer_.size()), ec);
        buffer_.erase(0, std::min(length, buffer_.size()));
        return head;
    }

    void close() {
        boost::system::error_code ec;
        socket_.close(ec);
    }

  private:
    asio::io_context ioc_;
    tcp::socket socket_;
    std::string buffer_;
};

// The header of a 50 MB import and its first kilobyte; the rest never comes.
std::string upload_start(const std::string& token, const std::string& type = "METRICS",
                         bool expect_continue = false) {
    std::string head = "POST /api/v1/imports?type=" + type +
                       " HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                       "Content-Length: 52428800\r\n";
    if (!token.empty())
        head += "Authorization: Bearer " + token + "\r\n";
    if (expect_continue)
        head += "Expect: 100-continue\r\n";
    return head + "\r\n" + (expect_continue ? "" : std::string(1024, 'x'));
}

Config bounded_config() {
    Config c = test_config();
    c.max_connections = 8;
    c.max_uploads = 3;
    return c;
}

class HttpBounded : public ::testing::Test {
  protected:
    void SetUp() override { org_ = create_org(server_.db()); }
    TestServer server_{bounded_config()};
    Org org_;
};

TEST_F(HttpBounded, ARefusedUploadIsAnsweredBeforeItsBodyAndTheConnectionCloses) {
    std::string agent = login(server_, "a1@org.test");
    std::string manager = login(server_, "m1@org.test");
    struct Case {
        std::string token, type, status;
    } cases[] = {{"", "METRICS", "401"}, {agent, "METRICS", "403"}, {manager, "USERS", "403"}};
    for (const Case& c : cases) {
        Client client(server_.port());
        client.send(upload_start(c.token, c.type));
        std::string head = client.read_head();
        EXPECT_TRUE(head.starts_with("HTTP/1.1 " + c.status)) << c.status << ": " << head;
        EXPECT_NE(head.find("Connection: close"), std::string::npos) << head;
    }
    EXPECT_EQ(server_.request("GET", "/healthz").status, 200);
}

TEST_F(HttpBounded, UploadsAtOnceAreCappedPerUserAndInTotal) {
    std::string admin = login(server_, "admin@org.test");
    std::string m1 = login(server_, "m1@org.test");
    std::string m2 = login(server_, "m2@org.test");
    // "100 Continue" says the server admitted the upload and holds a slot for its body.
    auto hold = [&](const std::string& token) {
        auto c = std::make_unique<Client>(server_.port());
        c->send(upload_start(token, "METRICS", true));
        EXPECT_TRUE(c->read_head().starts_with("HTTP/1.1 100 Continue"));
        return c;
    };
    auto a1 = hold(admin);
    auto a2 = hold(admin);
    {
        Client third(server_.port());  // a third of the same user's
        third.send(upload_start(admin, "METRICS", true));
        std::string head = third.read_head();
        EXPECT_TRUE(head.starts_with("HTTP/1.1 429")) << head;
        EXPECT_NE(head.find("Retry-After: 10"), std::string::npos) << head;
    }
    auto b1 = hold(m1);  // the last of the 3 slots
    {
        Client other(server_.port());
        other.send(upload_start(m2, "METRICS", true));
        EXPECT_TRUE(other.read_head().starts_with("HTTP/1.1 429"));
    }
    // A client that goes away gives its slot back.
    a1.reset();
    EXPECT_TRUE(eventually([&] {
        Client next(server_.port());
        next.send(upload_start(m2, "METRICS", true));
        return next.read_head().starts_with("HTTP/1.1 100 Continue");
    }));
}

// The files of bodies being spooled (http/upload_spool.hpp), with their sizes.
std::vector<std::uintmax_t> spooled(const TestServer& server) {
    std::vector<std::uintmax_t> sizes;
    std::filesystem::path dir =
        std::filesystem::path(const_cast<TestServer&>(server).app().config().data_dir) / "uploads";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        sizes.push_back(e.file_size(ec));
    return sizes;
}

TEST_F(HttpBounded, AnUploadsBodyGoesToDiskAsItArrivesAndIsRemovedAfter) {
    std::string admin = login(server_, "admin@org.test");
    Client client(server_.port());
    client.send(upload_start(admin));  // announces 50 MB, sends 1 KiB
    const std::size_t sent = std::size_t{1024} + 4 * 1024 * 1024;
    client.send(std::string(sent - 1024, 'x'));
    // Half-sent, the body is in a file of the data directory, not in the server's memory
    // (but for the piece being filled: at most 256 KiB).
    EXPECT_TRUE(eventually([&] {
        auto sizes = spooled(server_);
        return sizes.size() == 1 && sizes[0] + 256 * 1024 >= sent && sizes[0] <= sent;
    })) << "spooled files: "
        << spooled(server_).size();
    client.close();
    EXPECT_TRUE(eventually([&] { return spooled(server_).empty(); }));
    EXPECT_EQ(server_.request("GET", "/healthz").status, 200);
}

TEST_F(HttpBounded, ConnectionsPastTheLimitAreClosedAndTheServerKeepsServing) {
    std::vector<std::unique_ptr<Client>> open;
    for (int i = 0; i < 8; ++i) {  // each answered once, so each is counted
        auto c = std::make_unique<Client>(server_.port());
        c->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        ASSERT_TRUE(c->read_head().starts_with("HTTP/1.1 200")) << i;
        open.push_back(std::move(c));
    }
    Client ninth(server_.port());
    ninth.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(ninth.read_head(), "");                                // closed unanswered
    open.front()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");  // the eight still work
    EXPECT_TRUE(open.front()->read_head().starts_with("HTTP/1.1 200"));
    open.pop_back();
    EXPECT_TRUE(eventually([&] { return server_.request("GET", "/healthz").status == 200; }));
}

}  // namespace
}  // namespace coach::test
