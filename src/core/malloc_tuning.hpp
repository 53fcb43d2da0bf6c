#pragma once
// glibc malloc settings for the server (coach serve), set once before it serves.

namespace coach {

// glibc hands a thread arena's free top back to the kernel (madvise) once it exceeds 128 KiB,
// and serves blocks from 128 KiB up with mmap: a team dashboard request (a ~60 KB result and a
// ~60 KB response, ~300 blocks) then faulted fresh zeroed pages in on every request. Measured
// (bench/issue3/ab, bench/RESULTS.md): page faults and madvise were ~13 % of coach's CPU under
// the dashboard load. Keeps up to 16 MiB free per arena and maps blocks from 2 MiB up.
void tune_malloc_for_serving() noexcept;

}  // namespace coach
