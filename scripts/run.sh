#!/usr/bin/env bash
# Builds and runs the Grants gRPC server in the foreground on h2c 127.0.0.1:5077.
# With no GRANTS_DB / ConnectionStrings__Grants it starts its own private PostgreSQL cluster under ./.grants/.
# Usage: ./scripts/run.sh [--demo]    (--demo fills the embedded database with generated data through the API)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

demo=0
for arg in "$@"; do
  case "$arg" in
    --demo) demo=1 ;;
    *) echo "usage: $0 [--demo]" >&2; exit 2 ;;
  esac
done

dotnet build Grants.sln -c Release -nologo -clp:ErrorsOnly
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

if [ "$demo" -eq 1 ]; then
  # The server runs in the background while `grants demo` fills it through the API, then stays in the foreground.
  server_dll=src/Grants.Api/bin/Release/net10.0/Grants.Api.dll
  grants=(dotnet src/Grants.Cli/bin/Release/net10.0/grants.dll)
  first_url="${GRANTS_URLS:-${ASPNETCORE_URLS:-}}"
  export GRANTS_URL="${GRANTS_URL:-${first_url%%;*}}"
  [ -n "$GRANTS_URL" ] || unset GRANTS_URL
  # The demo makes some 600 calls; ASP.NET Core's per-request log lines would bury its summary, so this server logs
  # requests only at Warning unless Logging__LogLevel__Microsoft.AspNetCore says otherwise.
  aspnet_level="$(printenv 'Logging__LogLevel__Microsoft.AspNetCore' || echo Warning)"
  env "Logging__LogLevel__Microsoft.AspNetCore=$aspnet_level" dotnet "$server_dll" &
  server=$!
  stop_server() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  trap 'stop_server; exit 130' INT TERM
  # First start initialises the embedded cluster, which takes a while on a slow disk; a server that exits (a port
  # in use, a bad configuration) ends the wait at once.
  deadline=$((SECONDS + 180))
  until "${grants[@]}" health --wait 10 >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null; then
      echo "run.sh: the server exited before it was ready (see its log above)" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "run.sh: the server did not report SERVING within 180 s" >&2
      stop_server
      exit 1
    fi
  done
  if ! "${grants[@]}" demo; then
    echo "run.sh: generating the demo data failed (see above); stopping the server" >&2
    stop_server
    exit 1
  fi
  echo "run.sh: demo data loaded; the server keeps running (Ctrl+C stops it)" >&2
  set +e
  wait "$server"
  exit $?
fi
exec dotnet src/Grants.Api/bin/Release/net10.0/Grants.Api.dll
