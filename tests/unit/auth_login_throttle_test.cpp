#include <gtest/gtest.h>

#include <string>

#include "auth/login_throttle.hpp"

namespace coach::auth {
namespace {

using std::chrono::seconds;
using Clock = LoginThrottle::Clock;

constexpr const char* kOwner = "10.0.0.1";
constexpr const char* kAttacker = "203.0.113.9";

class LoginThrottleTest : public ::testing::Test {
  protected:
    LoginThrottle throttle_;
    Clock::time_point t0_ = Clock::time_point{} + std::chrono::hours(1000);

    void fail(const std::string& account, const std::string& address, Clock::time_point at) {
        ASSERT_FALSE(throttle_.check(account, address, at)) << "refused before failing";
        throttle_.record_failure(account, address, at);
    }
};

TEST_F(LoginThrottleTest, ThreeFreeFailuresThenADelayThatDoubles) {
    for (int i = 0; i < 3; ++i)
        fail("u1", kAttacker, t0_);
    EXPECT_FALSE(throttle_.check("u1", kAttacker, t0_));  // three mistakes cost nothing
    throttle_.record_failure("u1", kAttacker, t0_);       // the fourth
    auto refusal = throttle_.check("u1", kAttacker, t0_);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(refusal->retry_after_seconds, 5);
    EXPECT_FALSE(refusal->reset_required);
    EXPECT_FALSE(throttle_.check("u1", kAttacker, t0_ + seconds(5)));
    throttle_.record_failure("u1", kAttacker, t0_ + seconds(5));  // the fifth: 10 s
    EXPECT_EQ(throttle_.check("u1", kAttacker, t0_ + seconds(6))->retry_after_seconds, 9);
    auto t = t0_ + seconds(15);
    for (int i = 0; i < 20; ++i) {  // the delay stops growing at 15 minutes
        throttle_.record_failure("u1", kAttacker, t);
        t += seconds(15 * 60);
    }
    EXPECT_EQ(throttle_.check("u1", kAttacker, t - seconds(15 * 60))->retry_after_seconds, 900);
}

TEST_F(LoginThrottleTest, TheOwnerAtAnotherAddressIsNotSlowedByAGuesser) {
    for (int i = 0; i < 10; ++i)
        throttle_.record_failure("u1", kAttacker, t0_);
    EXPECT_TRUE(throttle_.check("u1", kAttacker, t0_ + seconds(1)));
    EXPECT_FALSE(throttle_.check("u1", kOwner, t0_ + seconds(1)));
}

TEST_F(LoginThrottleTest, ASuccessClearsThePairsDelay) {
    for (int i = 0; i < 4; ++i)
        throttle_.record_failure("u1", kOwner, t0_);
    EXPECT_TRUE(throttle_.check("u1", kOwner, t0_));
    throttle_.record_success("u1", kOwner, t0_ + seconds(5));
    throttle_.record_failure("u1", kOwner, t0_ + seconds(6));
    EXPECT_FALSE(throttle_.check("u1", kOwner, t0_ + seconds(6)));  // one failure again
}

TEST_F(LoginThrottleTest, APairsFailuresAreForgottenAfterAnHourOfQuiet) {
    for (int i = 0; i < 6; ++i)
        throttle_.record_failure("u1", kOwner, t0_);
    throttle_.record_failure("u1", kOwner, t0_ + seconds(3600));
    EXPECT_FALSE(throttle_.check("u1", kOwner, t0_ + seconds(3600)));  // that was the first
}

TEST_F(LoginThrottleTest, TheAccountsCeilingAsksForAResetWhateverTheAddress) {
    // 50 failures from 50 addresses: none of them was slowed, the account stops them all.
    for (int i = 0; i < 50; ++i)
        fail("u1", "198.51.100." + std::to_string(i), t0_ + seconds(i));
    auto refusal = throttle_.check("u1", kOwner, t0_ + seconds(60));
    ASSERT_TRUE(refusal);
    EXPECT_TRUE(refusal->reset_required);
    EXPECT_EQ(refusal->retry_after_seconds, 24 * 3600 - 60);
    EXPECT_FALSE(throttle_.check("u2", kOwner, t0_ + seconds(60)));  // other accounts: no
    throttle_.forget_account("u1");                                  // a new password
    EXPECT_FALSE(throttle_.check("u1", kOwner, t0_ + seconds(61)));
    EXPECT_FALSE(throttle_.check("u1", "198.51.100.3", t0_ + seconds(61)));
}

TEST_F(LoginThrottleTest, AnAddressGuessingManyAccountsIsStopped) {
    for (int i = 0; i < 30; ++i)
        fail("u" + std::to_string(i), kAttacker, t0_);
    auto refusal = throttle_.check("u99", kAttacker, t0_ + seconds(1));
    ASSERT_TRUE(refusal);
    EXPECT_FALSE(refusal->reset_required);
    EXPECT_EQ(refusal->retry_after_seconds, 15 * 60 - 1);
    EXPECT_FALSE(throttle_.check("u99", kAttacker, t0_ + seconds(15 * 60)));
}

TEST_F(LoginThrottleTest, SuccessesFromABusyAddressAreNotCountedAndKnownAccountsGetIn) {
    // One office NAT: 40 colleagues sign in, then someone there fails 30 times.
    for (int i = 0; i < 40; ++i)
        throttle_.record_success("colleague" + std::to_string(i), kOwner, t0_);
    EXPECT_FALSE(throttle_.check("newcomer", kOwner, t0_));  // successes do not count
    for (int i = 0; i < 30; ++i)
        fail("x" + std::to_string(i), kOwner, t0_ + seconds(1));
    EXPECT_TRUE(throttle_.check("newcomer", kOwner, t0_ + seconds(2)));
    // Who signed in from this address in the last 30 days still gets in.
    EXPECT_FALSE(throttle_.check("colleague7", kOwner, t0_ + seconds(2)));
    // A month later that is forgotten.
    auto later = t0_ + seconds(31LL * 24 * 3600);
    for (int i = 0; i < 30; ++i)
        fail("y" + std::to_string(i), kOwner, later);
    EXPECT_TRUE(throttle_.check("colleague7", kOwner, later));
}

}  // namespace
}  // namespace coach::auth
