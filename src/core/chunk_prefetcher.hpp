#pragma once
// Makes chunks on a thread of its own, ahead of whoever sends them: while a COPY sends one
// chunk to PostgreSQL, the next one is being read and validated, so the two share two cores
// instead of taking turns (a METRICS import of 2,000,000 rows filled its staging table in
// about 10 s taking turns, the sum of coach's and PostgreSQL's work).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace coach {

class ChunkPrefetcher {
  public:
    // Fills `chunk` (it may stay empty); false when no chunk follows this one.
    using Producer = std::function<bool(std::string& chunk)>;

    // Starts calling `produce` on its thread, at most `depth` chunks ahead of next().
    ChunkPrefetcher(Producer produce, std::size_t depth);
    // Stops the producer (after the chunk it is making) and waits for it.
    ~ChunkPrefetcher();
    ChunkPrefetcher(const ChunkPrefetcher&) = delete;
    ChunkPrefetcher& operator=(const ChunkPrefetcher&) = delete;

    // The next chunk, in order, with the producer's answer for it: a Producer itself. An
    // exception thrown by the producer is thrown here, in place of the chunk it was making.
    bool next(std::string& chunk);

  private:
    struct Made {
        std::string chunk;
        bool more = false;
    };
    void run();

    Producer produce_;
    std::size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Made> ready_;
    std::exception_ptr failure_;
    bool finished_ = false;  // the producer made its last chunk, threw, or was stopped
    bool stop_ = false;
    std::jthread thread_;  // last: starts once the members above exist
};

}  // namespace coach
