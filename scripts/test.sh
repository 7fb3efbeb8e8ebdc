#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL cluster, then prints "N passed, N failed".
# Exits with dotnet test's exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT

log=$(mktemp)
dotnet test Inquir.Typed.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}

# One "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }'
rm -f "$log"
exit "$code"
