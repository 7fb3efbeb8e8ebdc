#!/usr/bin/env bash
# Runs the side-by-side driver (benchmarks/Inquir.Typed.SideBySide): a pgbench ceiling, Hangfire + Hangfire.PostgreSql,
# graphile-worker, pg-boss, DBOS Transact (Node peers in benchmarks/peers) and Inquir.Typed, the same workloads on one
# throwaway PostgreSQL with its default durable settings, in one run.
# Arguments go to the driver, e.g. scripts/bench-side-by-side.sh --pipelines 2000 --output benchmarks/results/trial.svg
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source scripts/lib/node-peers.sh

dotnet build benchmarks/Inquir.Typed.SideBySide -c Release -v quiet -nologo || { echo "build failed" >&2; exit 1; }
# Without them the driver still runs every other system (--systems leaves the peers out) and says why they failed.
peers_install || echo "the Node peers could not be installed; leave them out with --systems" >&2
# pg_stat_statements lets the driver count the statements each step costs.
PG_DURABLE=1 PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements" pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT
dotnet run --project benchmarks/Inquir.Typed.SideBySide -c Release --no-build -- "$@"
