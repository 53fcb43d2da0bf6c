#include "core/chunk_prefetcher.hpp"

#include <utility>

namespace coach {

ChunkPrefetcher::ChunkPrefetcher(Producer produce, std::size_t depth)
    : produce_(std::move(produce)), depth_(depth == 0 ? 1 : depth), thread_([this] { run(); }) {}

ChunkPrefetcher::~ChunkPrefetcher() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    // thread_ (a jthread) joins here
}

void ChunkPrefetcher::run() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) {
                finished_ = true;
                return;
            }
        }
        Made made;
        try {
            made.more = produce_(made.chunk);
        } catch (...) {
            std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            finished_ = true;
            changed_.notify_all();
            return;
        }
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || ready_.size() < depth_; });
        if (stop_) {
            finished_ = true;
            return;
        }
        const bool more = made.more;
        ready_.push_back(std::move(made));
        finished_ = !more;
        changed_.notify_all();
        if (!more)
            return;
    }
}

bool ChunkPrefetcher::next(std::string& chunk) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
        if (failure_)
            std::rethrow_exception(std::exchange(failure_, nullptr));
        return false;  // stopped, or next() called after the last chunk
    }
    Made made = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    chunk = std::move(made.chunk);
    return made.more;
}

}  // namespace coach
