#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks against a throwaway PostgreSQL. Arguments go to BenchmarkDotNet,
# e.g. scripts/bench.sh --filter '*Throughput*' --job short
# The cluster runs with PostgreSQL's default durable settings (fsync and synchronous_commit on), unlike the test cluster.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

PG_DURABLE=1 pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT
dotnet run --project benchmarks/Inquir.Typed.Benchmarks -c Release -- "$@"
