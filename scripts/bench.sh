#!/usr/bin/env bash
# Side-by-side benchmark (issue 7): a dedicated durable PostgreSQL cluster (fsync and synchronous_commit on) and a
# Release server on it; for each scenario pgbench runs the equivalent SQL on a scratch database of the same cluster,
# then the gRPC load generator drives the server, one after the other in this one run.
# Prints exactly:  scenario=<name> clients=<c> grants_tps=<x> pgbench_tps=<y> ratio=<x/y> p99_ms=<z>  (per scenario)
#                  scenario=rebuild events=<n> events_per_s=<x>
#                  server_peak_rss_mb=<m>
# Before the check, bench/Grants.History appends a generated history (every event decided by the domain, through the
# real store and inline projections) until the head reaches 1,000,000 events (100,000 with --quick, --history N to
# override), so the rebuild line measures RebuildCompare over that many events.
# Usage: scripts/bench.sh [--quick] [--no-group-commit] [--clients N] [--history N]     (details: docs/PERFORMANCE.md)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/server-env.sh

quick=0; group_commit=true; clients=32; history=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-group-commit) group_commit=false ;;
    --clients) clients="$2"; shift ;;
    --history) history="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--no-group-commit] [--clients N] [--history N]" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" -eq 1 ]; then approvals=1000; lifecycles=150; pg_seconds=8; else approvals=20000; lifecycles=3000; pg_seconds=30; fi
if [ -z "$history" ]; then if [ "$quick" -eq 1 ]; then history=100000; else history=1000000; fi; fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$pg_bin/pgbench" ] || { echo "bench.sh: pgbench not found (apt-get install -y postgresql-contrib)" >&2; exit 1; }
artifacts="${GRANTS_BENCH_ARTIFACTS:-/tmp/grants-bench-artifacts}"
log() { printf '[bench] %s\n' "$*" >&2; }

log "building (Release) into $artifacts"
dotnet build src/Grants.Api -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v q >&2
dotnet build bench/Grants.LoadTest -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v q >&2
dotnet build bench/Grants.History -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly -v q >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d /tmp/grants-bench.XXXXXX)"
chmod 755 "$work"
pg_port="$(free_port)"; api_port="$(free_port)"
url="http://127.0.0.1:$api_port"

server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  # The server stops its embedded cluster on a clean shutdown; stop it here too should the server have died first.
  for pid_file in "$work"/pgdata/postmaster.pid /var/tmp/grants-pg/*/postmaster.pid; do
    [ -f "$pid_file" ] && grep -qx "$pg_port" <(sed -n 4p "$pid_file") && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$(dirname "$pid_file")" stop -m fast >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

log "starting the server on $url (embedded cluster on port $pg_port, durable, group commit: $group_commit)"
Grants__Home="$work" Grants__EmbeddedPort="$pg_port" GRANTS_URLS="$url" Grants__GroupCommit="$group_commit" \
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet "$artifacts/bin/Grants.Api/release/Grants.Api.dll" >"$work/server.log" 2>&1 &
server=$!
deadline=$((SECONDS + 180))
until [ -s "$work/dev-keys.json" ] && (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "bench.sh: the server exited" >&2; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "bench.sh: the server did not start within 180 s" >&2; exit 1; }
  sleep 0.5
done

psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -d postgres -c "create database bench_pg" >/dev/null
[ "$(psql -d postgres -tAc 'show fsync')" = on ] && [ "$(psql -d postgres -tAc 'show synchronous_commit')" = on ] \
  || { echo "bench.sh: the cluster is not durable (fsync/synchronous_commit off)" >&2; exit 1; }

pgbench_tps() {  # script → tps, on fresh scratch tables
  psql -d bench_pg -f bench/pgbench/schema.sql >/dev/null
  "$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c "$clients" -j 2 -T "$pg_seconds" -f "$1" bench_pg 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
loadtest() {
  dotnet "$artifacts/bin/Grants.LoadTest/release/Grants.LoadTest.dll" --url "$url" --keys "$work/dev-keys.json" \
    --server-pid "$server" --clients "$clients" "$@"
}
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

summaries=()
run_scenario() {  # name pgbench-script count
  local pg grants line
  log "$1: pgbench $(basename "$2") for ${pg_seconds}s"
  pg="$(pgbench_tps "$2")"
  log "$1: load generator, $3 applications"
  line="$(loadtest --scenario "$1" --count "$3")"
  log "$1: $line"
  grants="$(field "$line" tps)"
  summaries+=("scenario=$1 clients=$clients grants_tps=$grants pgbench_tps=$pg ratio=$(python3 -c "print(f'{$grants/$pg:.2f}')") p99_ms=$(field "$line" p99_ms)")
}
run_scenario approve-spread bench/pgbench/approve_spread.sql "$approvals"
run_scenario approve-hot bench/pgbench/approve_hot.sql "$approvals"
run_scenario lifecycle bench/pgbench/approve_spread.sql "$lifecycles"

# The server's own database (its embedded cluster's "postgres"), while the server runs: the history lands in the same
# tables the scenarios just filled, and RebuildCompare below replays all of it.
log "history: bringing the event head to $history events (bench/Grants.History, 2 writers)"
history_line="$(dotnet "$artifacts/bin/Grants.History/release/Grants.History.dll" \
  --db "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" --events "$history" --writers 2)" \
  || { log "HISTORY FAILED: $history_line"; summaries+=("history_failed $history_line"); }
log "$history_line"

log "checking limits and replaying every projection (RebuildCompare)"
check="$(loadtest --scenario check)" || { log "CHECK FAILED: $check"; summaries+=("check_failed $check"); }
log "check: $check"
rss="$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status")"

printf '%s\n' "${summaries[@]}"
echo "scenario=rebuild events=$(field "$check" replayed_events) events_per_s=$(field "$check" replay_events_per_s)"
echo "server_peak_rss_mb=$rss"
