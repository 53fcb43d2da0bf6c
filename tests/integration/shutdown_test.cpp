// Graceful shutdown: in-flight requests finish, new connections are refused; the `coach`
// process stops its PostgreSQL on SIGTERM and recovers after a kill -9.
#include "auth/password.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

namespace coach::test {
namespace {
using namespace std::chrono_literals;

TEST(Shutdown, InFlightRequestFinishesAndNewConnectionsAreRefused) {
    TestServer server;
    // A slow request: signing in against a cost-14 bcrypt hash takes about a second.
    server.db().exec(
        "INSERT INTO users (email, name, role, password_hash) VALUES ('slow@org.test', 'S', "
        "'ADMIN', $1)",
        db::params(auth::hash_password("a slow password", 14)));
    auto slow = std::async(std::launch::async, [&] {
        RequestOptions o;
        o.body = R"({"email": "slow@org.test", "password": "a slow password"})";
        return server.request("POST", "/api/v1/auth/login", o);
    });
    std::this_thread::sleep_for(200ms);  // the request is now being verified
    server.app().stop();
    auto finished = slow.get();
    EXPECT_EQ(finished.status, 200) << finished.body;
    EXPECT_EQ(finished.headers["connection"], "close");
    server.app().join();                                     // returns: nothing is left running
    EXPECT_EQ(server.request("GET", "/healthz").status, 0);  // refused
}

// Runs build/coach serve with its own data dir; returns the pid.
pid_t start_coach(const std::string& data_dir, int port, const std::string& log) {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "coach";
    pid_t pid = fork();
    if (pid == 0) {
        setenv("COACH_DATA_DIR", data_dir.c_str(), 1);
        setenv("COACH_LISTEN", ("127.0.0.1:" + std::to_string(port)).c_str(), 1);
        setenv("COACH_ACCESS_LOG", "0", 1);
        unsetenv("COACH_DATABASE_URL");
        if (freopen(log.c_str(), "a", stderr))
            setvbuf(stderr, nullptr, _IONBF, 0);
        execl(exe.c_str(), exe.c_str(), "serve", static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

bool wait_ready(int port, std::chrono::seconds limit) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (http_request(static_cast<unsigned short>(port), "GET", "/readyz").status == 200)
            return true;
        std::this_thread::sleep_for(200ms);
    }
    return false;
}

bool postmaster_running(const std::filesystem::path& cluster) {
    std::ifstream in(cluster / "postmaster.pid");
    long pid = 0;
    return (in >> pid) && pid > 0 && kill(static_cast<pid_t>(pid), 0) == 0;
}

TEST(Shutdown, SigtermStopsCoachAndItsPostgresAndKillNineRecovers) {
    const char* base = std::getenv("COACH_TEST_DATA_DIR");
    std::filesystem::path dir = std::string(base ? base : "build/test-data") + "-process";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::permissions(dir, std::filesystem::perms::all);
    std::string log = (dir / "coach.log").string();
    const int port = 20000 + getpid() % 20000;
    auto cluster_dir = [&] {  // where coach put it (may move if postgres can't reach dir)
        std::ifstream in(log);
        std::string all((std::istreambuf_iterator<char>(in)), {});
        const std::string marker = "embedded PostgreSQL cluster: ";
        auto at = all.find(marker);
        if (at == std::string::npos)
            return dir / "pg";
        auto start = at + marker.size();
        return std::filesystem::path(all.substr(start, all.find('\n', start) - start));
    };

    pid_t pid = start_coach(dir.string(), port, log);
    struct KillOnFailure {  // a failed assertion must not leave coach running
        pid_t& pid;
        ~KillOnFailure() {
            if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
                kill(pid, SIGTERM);
                waitpid(pid, nullptr, 0);
            }
        }
    } guard{pid};
    ASSERT_TRUE(wait_ready(port, 120s)) << "coach did not become ready; see " << log;
    ASSERT_TRUE(postmaster_running(cluster_dir())) << cluster_dir();
    kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    pid = -1;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    EXPECT_FALSE(postmaster_running(cluster_dir()));

    // Second start reuses the data; kill -9 leaves a pid file, the next start recovers.
    pid = start_coach(dir.string(), port, log);
    ASSERT_TRUE(wait_ready(port, 120s));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    pid = start_coach(dir.string(), port, log);  // PostgreSQL may still be shutting down
    EXPECT_TRUE(wait_ready(port, 120s)) << "no recovery after kill -9; see " << log;
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    pid = -1;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    EXPECT_FALSE(postmaster_running(cluster_dir()));
}

}  // namespace
}  // namespace coach::test
