# Sourced by bench/run and bench/issue3/run: the scheduling the measurements run under.
#
# Kernel autogroups (kernel.sched_autogroup_enabled=1, Debian's default) group tasks by
# session for the scheduler, and every PostgreSQL backend calls setsid(): each backend is a
# group of its own. On this machine (2 cores, kernel 6.18) that left a runnable backend waiting
# up to 251 ms for a core (perf sched latency) while coach, wrk and the other backends ran:
# GET /api/v1/auth/me at 8 connections had a p99 of 0.5 - 1.2 s and wrk timeouts with
# autogroups, 1.2 ms without, on the same build and data (bench/RESULTS.md). A server runs
# PostgreSQL and coach as services, in cgroups, where autogroups do not apply; the benchmarks
# measure that. As root the run turns autogroups off and restores the setting at exit.
#
# Priority: with BENCH_NICE (default -10 as root) this shell runs at that nice value, which
# coach, its PostgreSQL (backends included), beast_hello, wrk and pgbench inherit, so other
# work on a shared machine (builds, tests) takes less of the measurements.
#
# Sets BENCH_PRIORITY (a sentence for the summary); bench_priority_restore runs at exit.
BENCH_OLD_AUTOGROUP=
BENCH_OLD_NICE=
bench_priority_setup() {
  local nice=${BENCH_NICE:-$([[ $(id -u) == 0 ]] && echo -10 || echo 0)}
  local knob=/proc/sys/kernel/sched_autogroup_enabled
  local groups="autogroups off"
  if [[ -r $knob && $(cat "$knob") == 1 ]]; then
    if [[ -w $knob ]] && echo 0 >"$knob" 2>/dev/null; then
      BENCH_OLD_AUTOGROUP=1
      groups="autogroups turned off for the run"
    else
      groups="autogroups ON (not root: figures include their scheduling stalls)"
    fi
  fi
  if [[ $nice != 0 ]]; then
    BENCH_OLD_NICE=$(ps -o ni= -p $$ | tr -d ' ')
    renice -n "$nice" -p $$ >/dev/null 2>&1 || { BENCH_OLD_NICE=; nice=0; }
  fi
  BENCH_PRIORITY="nice $nice for coach, its PostgreSQL and the load generators; $groups"
}
bench_priority_restore() {
  [[ -z $BENCH_OLD_AUTOGROUP ]] || echo "$BENCH_OLD_AUTOGROUP" >/proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || true
  [[ -z $BENCH_OLD_NICE ]] || renice -n "$BENCH_OLD_NICE" -p $$ >/dev/null 2>&1 || true
}
