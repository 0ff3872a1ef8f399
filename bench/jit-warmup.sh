# Sourced by the benchmarks: warms a JVM server up until its JIT compiler has settled, so that a run measures the
# server's steady state and not C2 compiling beside it. On this 2-core machine the compiler alone took a third of
# the CPU for the first ~40 s of a new-connection-per-request load, and throughput rose from 1,006 to ~1,700
# requests/s over that time; a single fixed warm-up run left the first measured runs inside that climb.
# warm_until_settled PID COMMAND... repeats COMMAND until one repetition adds fewer than JIT_SETTLED (20) compiled
# methods to the JVM PID (`jstat -compiler`), at most JIT_ROUNDS (12) times, and says on stderr how many it took.

jit_compiled() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $1}'; }

warm_until_settled() { # pid command...
  local pid=$1 round before after
  shift
  for round in $(seq 1 "${JIT_ROUNDS:-12}"); do
    before=$(jit_compiled "$pid")
    "$@" >/dev/null 2>&1 || true
    after=$(jit_compiled "$pid")
    if [ -z "$before" ] || [ -z "$after" ]; then
      echo "  warm-up: cannot read the JIT counters of $pid (jstat); one round only" >&2
      return 0
    fi
    if [ $((after - before)) -lt "${JIT_SETTLED:-20}" ]; then
      echo "  warm-up: JIT settled after $round round(s)" >&2
      return 0
    fi
  done
  echo "  warm-up: JIT still compiling after $round rounds ($((after - before)) methods in the last)" >&2
}
