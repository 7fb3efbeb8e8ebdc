#!/usr/bin/env bash
# Runs the Webhooks sample end to end against a throwaway PostgreSQL: a payment provider sends a signed
# payment.succeeded event (202), sends it again (202, the same run) and sends a forged one (401); the run's result is
# printed. The signing secret is made fresh for this run and handed over in the environment, as a real deployment
# would take it from its configuration. Extra arguments go to the sample.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
trap pg_stop EXIT

secret="whsec_$(head -c 24 /dev/urandom | base64)"
env ConnectionStrings__Inquir="$INQUIR_TEST_CONNECTION" "Inquir__Webhooks__fulfil-payment__Secret=$secret" \
  dotnet run --project samples/Webhooks -c Release -- --urls="http://127.0.0.1:0" "$@" --demo
