#!/usr/bin/env bash
# Runs every test project of the solution against a throwaway PostgreSQL cluster started from the installed binaries.
# Usage: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter Name~Ledger]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

dotnet build Grants.sln -c Release -nologo -clp:ErrorsOnly

# A test that waits forever would otherwise hold the run until CI's own limit and say nothing. No single test takes a
# minute; after 5 minutes (GRANTS_TEST_HANG_TIMEOUT) without progress the test host is dumped and stopped, and the
# run fails naming the test and where it waited (scripts/hang-report.sh). xunit names a test running for over two
# minutes as it goes, should the dump itself not finish.
results="$(mktemp -d)"
log_file="$results/test.log"
status=0
dotnet test Grants.sln -c Release --no-build -nologo --results-directory "$results" \
  --blame-hang-timeout "${GRANTS_TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type full "$@" \
  -- xUnit.LongRunningTestSeconds=120 xUnit.DiagnosticMessages=true 2>&1 | tee "$log_file" || status=$?

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
if [ "$status" -ne 0 ]; then
  ./scripts/hang-report.sh "$results" || true
  echo "test results (and any hang dumps) kept in $results"
else
  rm -rf "$results"
fi
exit "$status"
