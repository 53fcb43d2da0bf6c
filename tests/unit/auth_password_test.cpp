#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "auth/password.hpp"

namespace coach::auth {
namespace {

constexpr int kFastCost = 4;

TEST(AuthPassword, HashThenVerify) {
    const std::string hash = hash_password("correct horse battery", kFastCost);
    ASSERT_EQ(hash.size(), 60U);
    EXPECT_EQ(hash.rfind("$2b$04$", 0), 0U) << hash;
    EXPECT_TRUE(verify_password("correct horse battery", hash));
}

TEST(AuthPassword, DefaultCostIs12) {
    const std::string hash = hash_password("correct horse battery");
    ASSERT_EQ(hash.size(), 60U);
    EXPECT_EQ(hash.rfind("$2b$12$", 0), 0U) << hash;
    EXPECT_TRUE(verify_password("correct horse battery", hash));
    EXPECT_FALSE(verify_password("correct horse batterY", hash));
}

TEST(AuthPassword, WrongPasswordFails) {
    const std::string hash = hash_password("correct horse battery", kFastCost);
    EXPECT_FALSE(verify_password("correct horse batter", hash));
    EXPECT_FALSE(verify_password("Correct horse battery", hash));
    EXPECT_FALSE(verify_password("correct horse battery ", hash));
    EXPECT_FALSE(verify_password("", hash));
}

TEST(AuthPassword, SamePasswordHashesDiffer) {
    const std::string first = hash_password("same password here", kFastCost);
    const std::string second = hash_password("same password here", kFastCost);
    EXPECT_NE(first, second);
    EXPECT_TRUE(verify_password("same password here", first));
    EXPECT_TRUE(verify_password("same password here", second));
}

TEST(AuthPassword, Utf8PasswordRoundTrips) {
    const std::string plain = "pässwörd-日本語-🔑";
    const std::string hash = hash_password(plain, kFastCost);
    EXPECT_TRUE(verify_password(plain, hash));
    EXPECT_FALSE(verify_password("passwörd-日本語-🔑", hash));
}

TEST(AuthPassword, EmptyPasswordStillHashes) {
    const std::string hash = hash_password("", kFastCost);
    ASSERT_FALSE(hash.empty());
    EXPECT_TRUE(verify_password("", hash));
    EXPECT_FALSE(verify_password("x", hash));
}

TEST(AuthPassword, VerifiesKnownBcryptVectors) {
    // Openwall crypt_blowfish test vectors ($2a$ and $2y$ prefixes are read as well).
    EXPECT_TRUE(
        verify_password("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    EXPECT_TRUE(
        verify_password("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"));
    EXPECT_TRUE(
        verify_password("U*U", "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    EXPECT_TRUE(
        verify_password("U*U", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    EXPECT_FALSE(
        verify_password("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
}

TEST(AuthPassword, GarbageHashesFailWithoutCrashing) {
    const std::string good = hash_password("a fine password", kFastCost);
    std::vector<std::string> garbage = {
        "",
        "*",
        "*0",
        "*1",
        "$",
        "$2b$",
        "$2b$04$",
        "not a hash at all",
        std::string(60, 'x'),
        std::string(60, '$'),
        std::string(100000, 'a'),
        good.substr(0, 59),
        good + "x",
        "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // buggy-variant prefix
        "$2b$99$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // cost out of range
        "$2b$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",  // cost below minimum
        "$2b$0a$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe!",
        "$2b$05XCCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe",
        "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",  // md5-crypt
        "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/"
        "jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/",
        "abJnggxhB/yWI",  // traditional DES
    };
    std::string with_nul = good;
    with_nul[20] = '\0';
    garbage.push_back(with_nul);
    for (const std::string& hash : garbage) {
        EXPECT_FALSE(verify_password("a fine password", hash)) << hash.substr(0, 80);
        EXPECT_FALSE(verify_password("", hash)) << hash.substr(0, 80);
        EXPECT_FALSE(verify_password("U*U", hash)) << hash.substr(0, 80);
    }
}

TEST(AuthPassword, NulBytesAreRejected) {
    const std::string hash = hash_password("prefix", kFastCost);
    ASSERT_TRUE(verify_password("prefix", hash));
    // crypt() would stop at the NUL and accept "prefix\0anything": verify refuses instead.
    EXPECT_FALSE(verify_password(std::string_view("prefix\0suffix", 13), hash));
    EXPECT_EQ(hash_password(std::string_view("prefix\0suffix", 13), kFastCost), "");
}

TEST(AuthPassword, InvalidCostGivesEmptyHash) {
    EXPECT_EQ(hash_password("a fine password", 3), "");
    EXPECT_EQ(hash_password("a fine password", 32), "");
    EXPECT_EQ(hash_password("a fine password", -1), "");
}

TEST(AuthPassword, OnlyFirst72BytesCount) {
    // bcrypt's documented limit, which is why the policy caps passwords at 72 bytes.
    const std::string base(72, 'p');
    const std::string hash = hash_password(base, kFastCost);
    EXPECT_TRUE(verify_password(base, hash));
    EXPECT_FALSE(verify_password(base.substr(0, 71), hash));
}

TEST(AuthPassword, DummyHashIsStableValidCost12) {
    const std::string& first = dummy_hash();
    const std::string& second = dummy_hash();
    EXPECT_EQ(&first, &second);
    ASSERT_EQ(first.size(), 60U);
    EXPECT_EQ(first.rfind("$2b$12$", 0), 0U) << first;
    EXPECT_FALSE(verify_password("", first));
    EXPECT_FALSE(verify_password("password123", first));
}

TEST(AuthPassword, ConcurrentHashAndVerify) {
    constexpr int kThreads = 4;
    constexpr int kRounds = 5;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &failures] {
            for (int i = 0; i < kRounds; ++i) {
                const std::string plain =
                    "thread-" + std::to_string(t) + "-round-" + std::to_string(i);
                const std::string hash = hash_password(plain, kFastCost);
                if (!verify_password(plain, hash) || verify_password(plain + "!", hash)) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
}

TEST(AuthPasswordPolicy, AcceptsGoodPasswords) {
    EXPECT_EQ(password_policy_violation("abcdefghik", "jane@example.com"), std::nullopt);
    EXPECT_EQ(password_policy_violation("correct horse battery staple", "jane@example.com"),
              std::nullopt);
    std::string longest(72, 'x');  // the most bytes allowed (not one repeated character)
    longest.back() = 'y';
    EXPECT_EQ(password_policy_violation(longest, "jane@example.com"), std::nullopt);
    EXPECT_EQ(password_policy_violation("jane@example.com2", "jane@example.com"), std::nullopt);
    EXPECT_EQ(password_policy_violation("abcdefghik", ""), std::nullopt);
    EXPECT_EQ(password_policy_violation("aaaaaaaaab", ""), std::nullopt);
    EXPECT_EQ(password_policy_violation("13579bdfhj", ""), std::nullopt);
}

TEST(AuthPasswordPolicy, TooShortCountsCodePoints) {
    EXPECT_NE(password_policy_violation("", "jane@example.com"), std::nullopt);
    EXPECT_NE(password_policy_violation("abcdefghi", "jane@example.com"), std::nullopt);
    // 9 two-byte characters = 18 bytes, still only 9 characters.
    EXPECT_NE(password_policy_violation("ééééééééé", "jane@example.com"), std::nullopt);
    // 10 two-byte characters are enough.
    EXPECT_EQ(password_policy_violation("éàéàéàéàéà", "jane@example.com"), std::nullopt);
    // 3 four-byte emoji + 6 ASCII = 9 characters in 18 bytes.
    EXPECT_NE(password_policy_violation("🔑🔑🔑abcdef", "jane@example.com"), std::nullopt);
    const auto message = password_policy_violation("short", "jane@example.com");
    ASSERT_TRUE(message.has_value());
    EXPECT_NE(message->find("10"), std::string::npos) << *message;
}

// Issue 11: "a list of common passwords" (Debian's john-data, which scripts/bootstrap installs).
TEST(AuthPasswordPolicy, CommonPasswordsAreRefusedAlsoWithDigitsOrSymbolsAdded) {
    ASSERT_TRUE(load_common_passwords()) << kCommonPasswordsFile;
    for (const std::string plain : {"qwertyuiop", "basketball", "Password2024!", "sunshine123",
                                    "IloveYou1234", "trustno1!!!!"}) {
        const auto message = password_policy_violation(plain, "jane@example.com");
        ASSERT_TRUE(message.has_value()) << plain;
        EXPECT_NE(message->find("common"), std::string::npos) << *message;
    }
    // A word of the list inside a longer password, or with letters added, is not the list's.
    for (const std::string plain : {"correct horse battery staple", "sunshine over the bay",
                                    "coach-demo-2026", "passwordsmith", "my basketball team"})
        EXPECT_EQ(password_policy_violation(plain, "jane@example.com"), std::nullopt) << plain;
}

// Issue 11: "aaaaaaaaaaaaaaaa" was accepted.
TEST(AuthPasswordPolicy, RepeatedCharactersAndRunsAreRefused) {
    const std::vector<std::string> refused = {std::string(16, 'a'), "éééééééééé", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑",
                                              "abcdefghij",         "1234567890", "0987654321",
                                              "9876543210",         "ZYXWVUTSRQ"};
    for (const std::string& plain : refused) {
        const auto message = password_policy_violation(plain, "jane@example.com");
        ASSERT_TRUE(message.has_value()) << plain;
        EXPECT_NE(message->find("repeated"), std::string::npos) << *message;
    }
}

TEST(AuthPasswordPolicy, TooLongInBytes) {
    EXPECT_NE(password_policy_violation(std::string(73, 'x'), "jane@example.com"), std::nullopt);
    // 19 four-byte emoji = 76 bytes although only 19 characters.
    std::string emoji;
    for (int i = 0; i < 19; ++i) {
        emoji += "🔑";
    }
    const auto message = password_policy_violation(emoji, "jane@example.com");
    ASSERT_TRUE(message.has_value());
    EXPECT_NE(message->find("72"), std::string::npos) << *message;
}

TEST(AuthPasswordPolicy, RejectsEmailAndLocalPart) {
    EXPECT_NE(password_policy_violation("jane.doe@example.com", "jane.doe@example.com"),
              std::nullopt);
    EXPECT_NE(password_policy_violation("JANE.DOE@Example.COM", "jane.doe@example.com"),
              std::nullopt);
    EXPECT_NE(password_policy_violation("jane.doe.smith", "jane.doe.smith@example.com"),
              std::nullopt);
    EXPECT_NE(password_policy_violation("Jane.Doe.Smith", "jane.doe.smith@example.com"),
              std::nullopt);
    // No '@': the whole address is the local part.
    EXPECT_NE(password_policy_violation("localonlyname", "localonlyname"), std::nullopt);
    // The local part is everything before the last '@'.
    EXPECT_NE(password_policy_violation("\"a@b\"-quoted", "\"a@b\"-quoted@example.com"),
              std::nullopt);
}

TEST(AuthPasswordPolicy, RejectsNul) {
    EXPECT_NE(password_policy_violation(std::string_view("abcdefghij\0k", 12), "jane@example.com"),
              std::nullopt);
}

}  // namespace
}  // namespace coach::auth
