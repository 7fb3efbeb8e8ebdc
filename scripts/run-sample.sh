#!/usr/bin/env bash
# Runs the ExportData sample end to end against a throwaway PostgreSQL: a request is accepted with 202, the
# upload step fails twice and is retried, and the result is printed. Extra arguments go to the sample.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT

ConnectionStrings__Inquir="$INQUIR_TEST_CONNECTION" \
  dotnet run --project samples/ExportData -c Release -- --urls="http://127.0.0.1:0" "$@" --demo
