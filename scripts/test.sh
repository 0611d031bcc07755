#!/usr/bin/env bash
# make test: every suite against a throwaway PostgreSQL cluster; ends with "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PGDEV_NAME=pg-test PGDEV_PORT=${PGDEV_TEST_PORT:-55433} PGDEV_FAST=1
scripts/pg.sh start || exit 1
export CPOR_TEST_PG=${CPOR_TEST_PG:-"$(scripts/pg.sh url)"}
mkdir -p .data
log=.data/test.log
: > "$log"
dotnet build Cpor.slnx -c Release -v quiet -nologo 2>&1 | tee -a "$log"
rc=${PIPESTATUS[0]}
if [ "$rc" = 0 ]; then
  for project in tests/*/*.csproj; do
    dotnet test "$project" -c Release --no-build --blame-hang-timeout 10m 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" = 0 ] || rc=1
  done
fi
awk '/ - Failed: +[0-9]+, Passed: +[0-9]+/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$rc"
