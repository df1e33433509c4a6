#!/usr/bin/env bash
# Runs every test project of the solution against a throwaway PostgreSQL cluster started from the installed binaries.
# Usage: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter Name~Ledger]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

dotnet build Grants.sln -c Release -nologo -clp:ErrorsOnly

log_file="$(mktemp)"
status=0
dotnet test Grants.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log_file" || status=$?

# One closing line over all projects, e.g. "tests: 240 passed, 0 failed, 0 skipped".
awk '
  /(Passed|Failed)!/ && /Total:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
rm -f "$log_file"
exit "$status"
