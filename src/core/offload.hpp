#pragma once
// Runs blocking work (bcrypt, file parsing) on the worker pool and resumes the awaiting
// coroutine on its own executor: the I/O thread never blocks.
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <type_traits>

namespace coach {

template <class F>
boost::asio::awaitable<std::invoke_result_t<F>> offload(boost::asio::thread_pool& pool, F f) {
    using R = std::invoke_result_t<F>;
    return boost::asio::async_initiate<const boost::asio::use_awaitable_t<>, void(R)>(
        [&pool](auto handler, F fn) {
            auto io = boost::asio::get_associated_executor(handler);
            boost::asio::post(pool, [handler = std::move(handler), fn = std::move(fn),
                                     io]() mutable {
                R r = fn();
                boost::asio::post(io, [handler = std::move(handler), r = std::move(r)]() mutable {
                    std::move(handler)(std::move(r));
                });
            });
        },
        boost::asio::use_awaitable, std::move(f));
}

}  // namespace coach
