// ChunkPrefetcher (src/core/chunk_prefetcher.hpp): chunks come out in order with their
// producer's answers, a producer's exception reaches the consumer, and destroying the
// prefetcher early stops the producer.
#include "core/chunk_prefetcher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace coach {
namespace {

TEST(ChunkPrefetcher, GivesEveryChunkInOrderThenNoMore) {
    int made = 0;
    ChunkPrefetcher ahead(
        [&](std::string& chunk) {
            ++made;
            if (made != 3)  // the third chunk stays empty, as a batch of refused rows does
                chunk = "chunk " + std::to_string(made);
            return made < 5;
        },
        2);
    std::vector<std::string> got;
    std::vector<bool> more;
    for (;;) {
        std::string chunk;
        bool m = ahead.next(chunk);
        got.push_back(chunk);
        more.push_back(m);
        if (!m)
            break;
    }
    EXPECT_EQ(got, (std::vector<std::string>{"chunk 1", "chunk 2", "", "chunk 4", "chunk 5"}));
    EXPECT_EQ(more, (std::vector<bool>{true, true, true, true, false}));
    std::string after;
    EXPECT_FALSE(ahead.next(after));  // asked again after the last one
    EXPECT_TRUE(after.empty());
}

TEST(ChunkPrefetcher, ThrowsTheProducersExceptionAfterTheChunksBeforeIt) {
    int made = 0;
    ChunkPrefetcher ahead(
        [&](std::string& chunk) -> bool {
            if (++made == 2)
                throw std::runtime_error("disk gone");
            chunk = "first";
            return true;
        },
        4);
    std::string chunk;
    EXPECT_TRUE(ahead.next(chunk));
    EXPECT_EQ(chunk, "first");
    EXPECT_THROW(ahead.next(chunk), std::runtime_error);
}

TEST(ChunkPrefetcher, StaysAtMostDepthChunksAheadAndStopsWhenDestroyed) {
    std::atomic<int> made = 0;
    {
        ChunkPrefetcher ahead(
            [&](std::string& chunk) {
                chunk = std::to_string(++made);
                return true;  // endless
            },
            2);
        std::string chunk;
        ASSERT_TRUE(ahead.next(chunk));
        EXPECT_EQ(chunk, "1");
        // Give the producer time to run ahead: two chunks queued, a third one made and
        // waiting for room, no more.
        for (int i = 0; i < 2000 && made.load() < 4; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_EQ(made.load(), 4);
    }
    // Destroyed: the producer was stopped while waiting, and made nothing more.
    EXPECT_EQ(made.load(), 4);
}

}  // namespace
}  // namespace coach
