#!/usr/bin/env bash
# After a failed test run: names the tests that hung and, from the hang dumps the run took, the chains of our own
# async methods that were waiting when the dump was taken (innermost first), one line per chain, so a CI log that
# shows only its tail still says where a hang was stuck.
# Usage: ./scripts/hang-report.sh <results directory of dotnet test>
set -uo pipefail
results="${1:?results directory}"

hung="$(grep -h -A1 "The test running when the crash occurred" "$results/test.log" 2>/dev/null | grep -v "crash occurred\|^--" || true)"
dumps="$(find "$results" -name '*hangdump*.dmp' 2>/dev/null)"
[ -z "$hung$dumps" ] && exit 0

tool="$(command -v dotnet-dump || true)"
if [ -z "$tool" ] && [ -n "$dumps" ]; then
  dotnet tool install --tool-path "$results/tools" dotnet-dump >/dev/null 2>&1 && tool="$results/tools/dotnet-dump"
fi
for dump in $dumps; do
  echo "hang dump $dump:"
  if [ -z "$tool" ]; then echo "  (dotnet-dump could not be installed; no async stacks)"; continue; fi
  "$tool" analyze "$dump" -c "dumpasync" -c exit 2>/dev/null | awk '
    function flush() { if (chain != "") print "  " awaited ":" substr(chain, 4); chain = ""; n = 0 }
    /^STACK / { flush(); awaited = ""; first = 1; next }
    !sub(/^ *[0-9a-f]+ [0-9a-f]+ \([0-9 ]*\) /, "") { next }
    first { awaited = $0; first = 0; next }
    /^Grants\./ && n < 4 { chain = chain " <- " $0; n++ }
    END { flush() }' | sort | uniq -c | sort -rn | head -15
done
[ -n "$hung" ] && printf '%s\n' "$hung" | sed 's/^ */hung: /'
exit 0
