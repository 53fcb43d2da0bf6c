#include "support/test_env.hpp"

#include "db/migrations_data.hpp"
#include "db/migrator.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <cstdlib>

namespace coach::test {
namespace {

std::optional<db::EmbeddedCluster> g_cluster;
constexpr const char* kTemplate = "coach_template";

class ClusterEnvironment : public ::testing::Environment {
  public:
    void SetUp() override {
        const char* dir = std::getenv("COACH_TEST_DATA_DIR");
        auto c = db::EmbeddedCluster::start(
            db::ClusterOptions{dir ? dir : "build/test-data", kTemplate, true});
        ASSERT_TRUE(c) << c.error().message;
        g_cluster.emplace(std::move(*c));
        // Rebuild the template from the current migrations on every run.
        auto admin = db::SyncConnection::open(g_cluster->url_for("postgres"));
        ASSERT_TRUE(admin) << admin.error().message;
        auto stale =
            admin->exec("SELECT datname FROM pg_database WHERE datname LIKE 'coach_test_%'");
        ASSERT_TRUE(stale);
        for (int i = 0; i < stale->rows(); ++i)
            (void)admin->exec("DROP DATABASE IF EXISTS \"" + std::string(stale->get(i, 0)) +
                              "\" WITH (FORCE)");
        ASSERT_TRUE(admin->exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", kTemplate)));
        ASSERT_TRUE(admin->exec(fmt::format("CREATE DATABASE {}", kTemplate)));
        auto conn = db::SyncConnection::open(g_cluster->url_for(kTemplate));
        ASSERT_TRUE(conn) << conn.error().message;
        auto m = db::migrate(*conn, db::embedded_migrations());
        ASSERT_TRUE(m) << m.error().message;
    }
    void TearDown() override { g_cluster.reset(); }
};

[[maybe_unused]] auto* const g_env = ::testing::AddGlobalTestEnvironment(new ClusterEnvironment);

std::atomic<int> g_counter{0};

}  // namespace

db::EmbeddedCluster& cluster() {
    return *g_cluster;
}

TestDatabase::TestDatabase()
    : name_("coach_test_" + std::to_string(getpid()) + "_" + std::to_string(++g_counter)) {
    auto admin = db::SyncConnection::open(cluster().url_for("postgres"));
    if (!admin)
        throw std::runtime_error(admin.error().message);
    auto r = admin->exec("CREATE DATABASE \"" + name_ + "\" TEMPLATE " + kTemplate);
    if (!r)
        throw std::runtime_error(r.error().message);
}

TestDatabase::~TestDatabase() {
    conn_.reset();
    if (auto admin = db::SyncConnection::open(cluster().url_for("postgres")))
        (void)admin->exec("DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
}

std::string TestDatabase::url() const {
    return cluster().url_for(name_);
}

db::SyncConnection& TestDatabase::conn() {
    if (!conn_) {
        auto c = db::SyncConnection::open(url());
        if (!c)
            throw std::runtime_error(c.error().message);
        conn_.emplace(std::move(*c));
    }
    return *conn_;
}

db::PgResult TestDatabase::exec(std::string_view sql, const db::Params& params) {
    auto r = conn().exec(sql, params);
    if (!r) {
        ADD_FAILURE() << "SQL failed: " << r.error().message << "\n" << sql;
        return {};
    }
    return std::move(*r);
}

std::string TestDatabase::plan_of(const std::string& query) {
    auto plan = exec("EXPLAIN (VERBOSE, COSTS OFF) " + query);
    std::string text;
    for (int i = 0; i < plan.rows(); ++i)
        text += std::string(plan.get(i, 0)) + "\n";
    return text;
}

}  // namespace coach::test
