#!/usr/bin/env bash
# CPU per command, by process: the server and all PostgreSQL processes, from /proc/<pid>/stat over the timed phase
# of one load-generator scenario (its preparation is not counted). Unlike throughput, this holds on a busy machine.
# Usage: scripts/profile.sh [--scenario approve-spread|approve-hot|lifecycle] [--count 3000] [--no-group-commit]
#                           [--statements]   also print pg_stat_statements for the timed phase (the cluster is
#                                            restarted once with the extension preloaded)
#                           [--trace]        also take 4 s of dotnet-trace sampled thread time (needs dotnet-trace)
#                           [--funded P]     fund the budgets for P % of the timed approvals (a rush that runs dry)
#                           [--timeline F]   write each timed call's start and latency to F (ms) and say how many of
#                                            the slow calls (over twice the median) came together, 16 or more in a
#                                            50 ms window: a stall of everything in flight, not queueing
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/server-env.sh
scenario=approve-spread; count=3000; group_commit=true; statements=0; trace=0; funded=100; timeline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario="$2"; shift ;;
    --count) count="$2"; shift ;;
    --no-group-commit) group_commit=false ;;
    --statements) statements=1 ;;
    --trace) trace=1 ;;
    --funded) funded="$2"; shift ;;
    --timeline) timeline="$(realpath -m "$2")"; shift ;;
    *) echo "usage: $0 [--scenario S] [--count N] [--no-group-commit] [--statements] [--trace] [--funded P] [--timeline F]" >&2; exit 2 ;;
  esac
  shift
done
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
artifacts="${GRANTS_BENCH_ARTIFACTS:-/tmp/grants-bench-artifacts}"
dotnet build src/Grants.Api -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v q >&2
dotnet build bench/Grants.LoadTest -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v q >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d /tmp/grants-profile.XXXXXX)"; chmod 755 "$work"
pg_port="$(free_port)"; api_port="$(free_port)"; url="http://127.0.0.1:$api_port"
server=""
start_server() {
  Grants__Home="$work" Grants__EmbeddedPort="$pg_port" GRANTS_URLS="$url" Grants__GroupCommit="$group_commit" \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$artifacts/bin/Grants.Api/release/Grants.Api.dll" >>"$work/server.log" 2>&1 &
  server=$!
  until [ -s "$work/dev-keys.json" ] && (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
}
stop_server() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop_server; rm -rf "$work"' EXIT
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

start_server
if [ "$statements" -eq 1 ]; then
  stop_server
  printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\npg_stat_statements.track_planning = on\n" >> "$(find "$work" -name postgresql.conf | head -1)"
  start_server
  psql -c "create extension if not exists pg_stat_statements"
fi

ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
# This cluster's processes only (its postmaster and children): other clusters on the machine are not ours to count.
postgres_pids() { local pm; pm="$(head -1 "$(find "$work" -name postmaster.pid | head -1)")"; echo "$pm $(pgrep -P "$pm" | xargs)"; }

# A timeline left by an earlier run must not be summed up as this one's should this run write none.
[ -n "$timeline" ] && rm -f "$timeline"
dotnet "$artifacts/bin/Grants.LoadTest/release/Grants.LoadTest.dll" --url "$url" --keys "$work/dev-keys.json" \
  --server-pid "$server" --clients 32 --scenario "$scenario" --count "$count" --funded "$funded" \
  ${timeline:+--timeline "$timeline"} >"$work/load.out" 2>"$work/load.err" &
load=$!
# The load generator says "approving with N callers" (or "timing lifecycles") when its untimed preparation and warm-up are over.
until grep -q "approving with\|timing lifecycles" "$work/load.err" 2>/dev/null; do kill -0 "$load" 2>/dev/null || break; sleep 0.2; done
[ "$statements" -eq 1 ] && psql -c "select pg_stat_statements_reset()" >/dev/null
s0=$(ticks "$server"); p0=$(ticks $(postgres_pids)); t0=$(date +%s.%N)
if [ "$trace" -eq 1 ]; then
  ~/.dotnet/tools/dotnet-trace collect -p "$server" --profile dotnet-sampled-thread-time --duration 00:00:00:04 \
    -o "$here/profile.nettrace" >/dev/null 2>&1 && echo "trace: $here/profile.nettrace" >&2
fi
wait "$load" || true
s1=$(ticks "$server"); p1=$(ticks $(postgres_pids)); t1=$(date +%s.%N)
cat "$work/load.out"
python3 -c "
n=$count; s=($s1-$s0)/100; p=($p1-$p0)/100; w=$t1-$t0
print(f'timed_phase_s={w:.1f} server_cpu_ms_per_command={s/n*1000:.2f} postgres_cpu_ms_per_command={p/n*1000:.2f}')"
if [ -n "$timeline" ] && [ -s "$timeline" ]; then
  python3 - "$timeline" <<'PY'
import sys, collections
calls = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
latencies = sorted(l for _, l in calls)
median = latencies[len(latencies) // 2]
slow = [(t, l) for t, l in calls if l > 2 * median]
windows = collections.Counter(int(t // 50) for t, _ in slow)
together = sum(n for n in windows.values() if n >= 16)
print(f"timeline={sys.argv[1]} calls={len(calls)} median_ms={median:.1f} slow={len(slow)} together={together} "
      f"stall_windows={sum(1 for n in windows.values() if n >= 16)}")
PY
fi
if [ "$statements" -eq 1 ]; then
  psql -c "select calls, round(total_exec_time::numeric) as exec_ms, round(total_plan_time::numeric) as plan_ms, plans, round((total_exec_time / greatest(calls, 1))::numeric * 1000) as us_per_call,
                  left(regexp_replace(query, '\s+', ' ', 'g'), 100) as statement
             from pg_stat_statements order by total_exec_time + total_plan_time desc limit 25"
fi
