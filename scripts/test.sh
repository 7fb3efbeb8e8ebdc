#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL cluster, then prints "N passed, N failed".
# Exits with dotnet test's exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

# The clock-skew tests run a worker under faketime, as on a machine whose clock is wrong; the dashboard's
# browser tests drive Debian's chromium; the Native AOT sample links with clang (any clang-N will do).
for tool in faketime chromium clang; do
  if [ "$tool" = clang ] && compgen -c | grep -qE '^clang(-[0-9]+)?$'; then continue; fi
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool not found; installing it with apt-get" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$tool"; } >&2 \
      || { echo "could not install $tool" >&2; exit 1; }
  fi
done

pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT

log=$(mktemp)
dotnet test Inquir.Typed.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}

# Each test assembly ends with a "Total tests: T" block holding "Passed: P", "Failed: F", "Skipped: S" lines.
awk '/^[[:space:]]+(Passed|Failed|Skipped): +[0-9]+$/ { sub(":", "", $1); count[$1] += $2 }
  END {
    printf "%d passed, %d failed", count["Passed"], count["Failed"]
    if (count["Skipped"] > 0) printf ", %d skipped", count["Skipped"]
    printf "\n"
  }' "$log"
# The summary is the last thing CI shows, so the failed tests are named after it, not only far above.
grep -a -E '^[[:space:]]+Failed [^![:space:]].* \[[0-9]' "$log" | sed 's/^[[:space:]]*/  /' | sort -u
rm -f "$log"
exit "$code"
