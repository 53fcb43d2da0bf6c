#pragma once
// The server's clock (docs/architecture.md, "Clock"): every figure that depends on the instant
// or the organisation's day reads coach::clock::now() in C++ and coach_now() / coach_today() in
// SQL. Both are the system clock shifted by one offset, which is 0 except in tests
// (TestServer::set_now): it lets a test stand just before the organisation's midnight without
// waiting for it. Every connection coach opens carries the offset (db::session_options), and
// changing it makes the pool reopen its idle connections (OrgTimeZone::generation).
// Process-wide and thread-safe.
#include <chrono>
#include <cstdint>

namespace coach::clock {

std::chrono::system_clock::time_point now();
std::chrono::seconds offset();
// Tests only: now() becomes the system clock plus `offset`.
void set_offset(std::chrono::seconds offset);
// Changes whenever the offset does.
std::uint64_t generation();

}  // namespace coach::clock
