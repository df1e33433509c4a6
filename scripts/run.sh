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
  exec dotnet src/Grants.Api/bin/Release/net10.0/Grants.Api.dll --demo
fi
exec dotnet src/Grants.Api/bin/Release/net10.0/Grants.Api.dll
