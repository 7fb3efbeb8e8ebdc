#!/usr/bin/env bash
# EXPLAIN (ANALYZE) of the history search over any attempt on 100,000 runs, on a throwaway PostgreSQL with its
# default (durable) settings. Prints the plan's execution time of each case. Run: bash benchmarks/search-explain/explain.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/postgres.sh
PG_DURABLE=1 pg_start
plan=$(mktemp)
trap 'pg_stop; rm -f "$plan"' EXIT

dotnet run --project src/Cli -c Release -- migrate --connection "$INQUIR_TEST_CONNECTION" --schema inquir >/dev/null
psql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d inquir -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -f benchmarks/search-explain/seed.sql

# The search as src/Postgres/Sql/SearchRuns.sql runs it once PostgreSQL has folded the null filters away.
search() {
  local where=$1
  psql -c "EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM inquir.runs AS r WHERE $where ORDER BY r.created_at DESC, r.id DESC LIMIT 50" \
    | tee "$plan" | grep -E 'Execution Time' | sed "s/^/  /"
  grep -oE '(Bitmap Index Scan|Index Scan|Index Only Scan|Seq Scan)( Backward)? (using [a-z_]+ )?on [a-z_]+' "$plan" | sort -u | sed 's/^/    /'
}
any_error() { echo "(r.error ILIKE '$1' OR r.id IN (SELECT a.run_id FROM inquir.attempts AS a WHERE a.error_message ILIKE '$1'))"; }
any_step() { echo "(r.step_name = '$1' OR r.id IN (SELECT a.run_id FROM inquir.attempts AS a WHERE a.step_name = '$1'))"; }

echo "error text in any attempt, common (1,000 runs match): %quota exceeded%"
search "$(any_error '%quota exceeded%')"
echo "error text in any attempt, rare (1 run matches): %quota exceeded on volume 711%"
search "$(any_error '%quota exceeded on volume 711%')"
echo "error text in any attempt, none matches: %no such text%"
search "$(any_error '%no such text%')"
echo "for comparison, the run's last error only (before 0010), rare: %timeout after 996 ms%"
search "r.error ILIKE '%timeout after 996 ms%'"
echo "step of any attempt, status failed: Upload"
search "r.status = 'failed' AND $(any_step Upload)"
echo "step of any attempt, rare step: Prepare of one workflow, none failed"
search "r.workflow = 'export' AND r.status = 'failed' AND $(any_step Prepare)"
