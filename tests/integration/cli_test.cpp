// The command line against a real database: migrate, user create, user set-password.
#include "auth/password.hpp"
#include "support/test_env.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

namespace coach::test {
namespace {

// Runs `coach ARGS` with COACH_DATABASE_URL=url, feeding `input` on stdin; returns the exit
// code and stdout.
std::pair<int, std::string> coach(const std::string& url, const std::string& args,
                                  const std::string& input = "") {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "coach";
    std::string in_file = std::filesystem::temp_directory_path() / "coach-cli-test-input";
    {
        FILE* f = std::fopen(in_file.c_str(), "w");
        std::fputs(input.c_str(), f);
        std::fclose(f);
    }
    std::string cmd = "COACH_DATABASE_URL='" + url + "' COACH_BCRYPT_COST=4 '" + exe + "' " + args +
                      " < '" + in_file + "' 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(Cli, MigrateUserCreateAndSetPassword) {
    TestDatabase db;
    db.exec("DROP SCHEMA public CASCADE");
    db.exec("CREATE SCHEMA public");
    EXPECT_EQ(coach(db.url(), "migrate").first, 0);
    EXPECT_GE(db.exec("SELECT count(*) FROM schema_migrations").get_int(0, 0), 2);
    EXPECT_EQ(coach(db.url(), "migrate").first, 0);  // idempotent

    auto [code, id] = coach(db.url(),
                            "user create --email root@org.test --name Root --role ADMIN "
                            "--password-stdin",
                            "a long enough password\n");
    ASSERT_EQ(code, 0);
    id.pop_back();  // newline
    auto row =
        db.exec("SELECT role::text, password_hash FROM users WHERE id = $1::uuid", db::params(id));
    ASSERT_EQ(row.rows(), 1);
    EXPECT_EQ(row.get(0, 0), "ADMIN");
    EXPECT_TRUE(auth::verify_password("a long enough password", row.get(0, 1)));

    // Policy: too short is refused (exit 2), nothing created.
    EXPECT_EQ(
        coach(db.url(), "user create --email b@org.test --name B --role AGENT --password-stdin",
              "short\n")
            .first,
        2);
    EXPECT_EQ(db.exec("SELECT count(*) FROM users").get_int(0, 0), 1);
    EXPECT_EQ(coach(db.url(),
                    "user create --email c@org.test --name C --role KING "
                    "--password-stdin",
                    "a long enough password\n")
                  .first,
              2);

    // set-password changes the hash and ends the user's sessions.
    db.exec(
        "INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at) "
        "VALUES ($1::uuid, sha256('t'::bytea), 'c', now() + interval '1 day')",
        db::params(id));
    EXPECT_EQ(coach(db.url(), "user set-password --email ROOT@org.test --password-stdin",
                    "another long password\n")
                  .first,
              0);
    row = db.exec("SELECT password_hash FROM users WHERE id = $1::uuid", db::params(id));
    EXPECT_TRUE(auth::verify_password("another long password", row.get(0, 0)));
    EXPECT_EQ(db.exec("SELECT count(*) FROM user_sessions WHERE revoked_at IS NULL").get_int(0, 0),
              0);
    EXPECT_EQ(coach(db.url(), "user set-password --email nobody@org.test --password-stdin",
                    "another long password\n")
                  .first,
              1);
}

}  // namespace
}  // namespace coach::test
