#include "db/embedded_cluster.hpp"

#include "core/crypto.hpp"
#include "db/columns.hpp"
#include "db/sql.hpp"
#include "db/sync_connection.hpp"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace coach::db {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr int kPort = 5432;  // unix socket only; the socket dir keeps clusters apart
constexpr std::string_view kUser = "coach";

std::string find_bindir() {
    for (const char* dir :
         {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"})
        if (fs::exists(fs::path(dir) / "postgres"))
            return dir;
    if (FILE* p = popen("pg_config --bindir 2>/dev/null", "r")) {
        char buf[512] = {};
        std::string out = fgets(buf, sizeof buf, p) ? buf : "";
        pclose(p);
        while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
            out.pop_back();
        if (!out.empty() && fs::exists(fs::path(out) / "postgres"))
            return out;
    }
    return {};
}

struct PgUser {
    uid_t uid;
    gid_t gid;
};

std::optional<PgUser> postgres_user() {
    passwd* pw = getpwnam("postgres");
    if (!pw)
        return std::nullopt;
    return PgUser{pw->pw_uid, pw->pw_gid};
}

void become(const PgUser& u) {
    if (setgroups(0, nullptr) != 0 || setgid(u.gid) != 0 || setuid(u.uid) != 0)
        _exit(126);
}

// Can the postgres user reach `dir` (checked in a child that drops privileges)? The child
// only makes system calls and always _exits: no exception may unwind into the parent's code.
bool reachable_by(const PgUser& u, const fs::path& dir) {
    std::string nearest = dir.string();  // the deepest existing ancestor, found before fork
    std::error_code ec;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p, ec)) {
            nearest = p.string();
            break;
        }
        if (p == p.root_path())
            break;
    }
    pid_t pid = fork();
    if (pid == 0) {
        become(u);
        _exit(access(nearest.c_str(), X_OK) == 0 ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// In a forked child: its stdout and stderr appended to `log`.
void append_output_to(const std::string& log) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
    }
}

// In a forked child: becomes argv (argv[0] a path), or exits 127.
[[noreturn]] void exec_argv(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
}

// Runs argv (as postgres when asked), output appended to log; returns the exit status.
int run(const std::vector<std::string>& argv, const std::string& log, std::optional<PgUser> as) {
    pid_t pid = fork();
    if (pid == 0) {
        append_output_to(log);
        if (as)
            become(*as);
        exec_argv(argv);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string log_tail(const std::string& log) {
    std::ifstream in(log);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    return all.size() > 1500 ? all.substr(all.size() - 1500) : all;
}

pid_t running_postmaster(const fs::path& cluster_dir) {
    std::ifstream in(cluster_dir / "postmaster.pid");
    long pid = 0;
    if (!(in >> pid) || pid <= 0)
        return -1;
    return kill(static_cast<pid_t>(pid), 0) == 0 ? static_cast<pid_t>(pid) : -1;
}

void chown_to(const fs::path& p, std::optional<PgUser> u) {
    if (u && chown(p.c_str(), u->uid, u->gid) != 0)
        spdlog::warn("cannot chown {} to postgres", p.string());
}

}  // namespace

EmbeddedCluster::EmbeddedCluster(EmbeddedCluster&& o) noexcept
    : bindir_(std::move(o.bindir_)),
      cluster_dir_(std::move(o.cluster_dir_)),
      socket_dir_(std::move(o.socket_dir_)),
      log_file_(std::move(o.log_file_)),
      database_(std::move(o.database_)),
      run_as_postgres_(o.run_as_postgres_),
      fast_unsafe_(o.fast_unsafe_),
      pid_(o.pid_),
      child_(o.child_) {
    o.pid_ = -1;
}

EmbeddedCluster::~EmbeddedCluster() {
    stop();
}

std::string EmbeddedCluster::url_for(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + socket_dir_ + "&port=" + std::to_string(kPort) +
           "&user=" + std::string(kUser);
}

Result<EmbeddedCluster> EmbeddedCluster::start(const ClusterOptions& options) {
    EmbeddedCluster c;
    c.database_ = options.database;
    c.fast_unsafe_ = options.fast_unsafe;
    c.bindir_ = find_bindir();
    if (c.bindir_.empty())
        return make_error(ErrorCode::Internal,
                          "PostgreSQL server binaries not found (install postgresql-15)");

    std::error_code ec;
    fs::path data = fs::absolute(options.data_dir, ec);
    fs::create_directories(data, ec);
    if (ec)
        return make_error(ErrorCode::Internal, "cannot create " + data.string());
    fs::path cluster = data / "pg";

    std::optional<PgUser> as;
    if (geteuid() == 0) {
        as = postgres_user();
        if (!as)
            return make_error(ErrorCode::Internal,
                              "running as root needs the postgres system user to run PostgreSQL");
        c.run_as_postgres_ = true;
        if (!reachable_by(*as, data)) {
            fs::path moved =
                fs::path("/var/tmp") / ("coach-" + sha256_hex(data.string()).substr(0, 12)) / "pg";
            spdlog::warn(
                "the postgres user cannot reach {}; keeping the embedded cluster in {} instead",
                data.string(), moved.string());
            cluster = moved;
        }
    }
    fs::create_directories(cluster.parent_path(), ec);
    c.cluster_dir_ = cluster.string();
    c.log_file_ = (cluster.parent_path() / "postgresql.log").string();
    // The socket path must fit in sun_path (108 bytes): fall back to a short directory.
    fs::path sock = cluster.parent_path() / "run";
    if (sock.string().size() > 80)
        sock = fs::path("/tmp") / ("coach-" + sha256_hex(sock.string()).substr(0, 12));
    fs::create_directories(sock, ec);
    chown_to(sock, as);
    c.socket_dir_ = sock.string();
    {
        int fd = open(c.log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0)
            close(fd);
        chown_to(c.log_file_, as);
    }

    spdlog::info("embedded PostgreSQL cluster: {}", cluster.string());
    if (!fs::exists(cluster / "PG_VERSION", ec)) {
        spdlog::info("initialising the embedded PostgreSQL cluster");
        fs::create_directories(cluster, ec);
        chown_to(cluster, as);
        fs::permissions(cluster, fs::perms::owner_all, ec);
        std::vector<std::string> argv = {c.bindir_ + "/initdb",
                                         "-D",
                                         cluster.string(),
                                         "-U",
                                         std::string(kUser),
                                         "-A",
                                         "trust",
                                         "-E",
                                         "UTF8",
                                         "--locale=C.UTF-8"};
        if (options.fast_unsafe)
            argv.push_back("--no-sync");
        if (run(argv, c.log_file_, as) != 0)
            return make_error(ErrorCode::Internal, "initdb failed:\n" + log_tail(c.log_file_));
    }

    if (pid_t old = running_postmaster(cluster); old > 0) {
        // Left running by an earlier coach (e.g. killed with -9): adopt it if it answers.
        std::string ping = c.url_for("postgres");
        for (int i = 0; i < 100 && PQping(ping.c_str()) != PQPING_OK; ++i)
            std::this_thread::sleep_for(100ms);
        if (PQping(ping.c_str()) == PQPING_OK) {
            spdlog::warn("reusing the PostgreSQL server (pid {}) left running in {}", old,
                         cluster.string());
            c.pid_ = old;
            c.child_ = false;
        }
    }
    if (c.pid_ < 0)
        if (auto r = c.launch(); !r)
            return r.error();

    // Create the application database on first start.
    auto admin = SyncConnection::open(c.url_for("postgres"));
    if (!admin)
        return admin.error();
    auto database = admin->exec(sql::database_to_create, params(c.database_));
    if (!database)
        return database.error();
    if (!database->get_bool(0, column(*database, "present")))
        if (auto r = admin->exec(database->get(0, column(*database, "create_statement"))); !r)
            return r.error();
    return c;
}

Result<void> EmbeddedCluster::launch() {
    std::optional<PgUser> as;
    if (run_as_postgres_)
        as = postgres_user();
    std::vector<std::string> argv = {bindir_ + "/postgres", "-D", cluster_dir_,          "-k",
                                     socket_dir_,           "-p", std::to_string(kPort), "-c",
                                     "listen_addresses="};
    if (fast_unsafe_)
        for (const char* opt : {"fsync=off", "synchronous_commit=off", "full_page_writes=off"}) {
            argv.push_back("-c");
            argv.push_back(opt);
        }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0)
        return make_error(ErrorCode::Internal, "fork failed");
    if (pid == 0) {
        setpgid(0, 0);  // Ctrl-C reaches coach only; coach stops PostgreSQL after draining
        append_output_to(log_file_);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        if (as)
            become(*as);
        // If coach dies without stopping it (kill -9), PostgreSQL shuts down by itself.
        prctl(PR_SET_PDEATHSIG, SIGINT);
        if (getppid() != parent)
            _exit(0);
        exec_argv(argv);
    }
    pid_ = pid;
    child_ = true;
    std::string ping = url_for("postgres");
    for (int i = 0; i < 600; ++i) {
        if (PQping(ping.c_str()) == PQPING_OK)
            return {};
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            pid_ = -1;
            return make_error(ErrorCode::Internal,
                              "PostgreSQL failed to start:\n" + log_tail(log_file_));
        }
        std::this_thread::sleep_for(100ms);
    }
    stop();
    return make_error(ErrorCode::Internal, "PostgreSQL did not become ready within 60 s");
}

void EmbeddedCluster::stop() {
    if (pid_ <= 0)
        return;
    kill(pid_, SIGINT);  // fast shutdown
    for (int i = 0; i < 300; ++i) {
        if (child_) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_)
                break;
        } else if (kill(pid_, 0) != 0) {
            break;
        }
        if (i == 299)
            kill(pid_, SIGQUIT);
        std::this_thread::sleep_for(100ms);
    }
    if (child_)
        waitpid(pid_, nullptr, WNOHANG);
    pid_ = -1;
}

Result<void> EmbeddedCluster::restart() {
    stop();
    return launch();
}

}  // namespace coach::db
