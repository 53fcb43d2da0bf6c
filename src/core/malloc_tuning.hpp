#pragma once
// glibc malloc settings for the server (coach serve), set once before it serves.

namespace coach {

// glibc hands a thread arena's free top back to the kernel (madvise) once it exceeds 128 KiB,
// and serves blocks from 128 KiB up with mmap: a team dashboard request then faulted fresh
// zeroed pages in on every request (the figures: bench/RESULTS.md, "Why the code is as it
// is"). Keeps up to 16 MiB free per arena and maps blocks from 2 MiB up.
void tune_malloc_for_serving() noexcept;

}  // namespace coach
