#!/usr/bin/env bash
# Runs the Nightly sample against a throwaway PostgreSQL: two workers share a schedule that ticks every five seconds
# and start one run per tick; then the inquir CLI lists the schedules with their next ticks, pauses the demo
# schedule and lists again. Extra arguments go to the sample (`--seconds N`, default 16).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT

dotnet run --project samples/Nightly -c Release -- --postgres "$INQUIR_TEST_CONNECTION" "$@" || exit $?
dotnet build src/Cli -c Release -v q -nologo >/dev/null || exit $?
inquir() { INQUIR_CONNECTION="$INQUIR_TEST_CONNECTION" COLUMNS=160 dotnet src/Cli/bin/Release/net10.0/inquir.dll "$@"; }
echo '$ inquir schedules list'; inquir schedules list
echo '$ inquir schedules pause every-five-seconds'; inquir schedules pause every-five-seconds
echo '$ inquir schedules list'; inquir schedules list
