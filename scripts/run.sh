#!/usr/bin/env bash
# make run: the product on http://127.0.0.1:${PORT:-5080}, on a private PostgreSQL cluster
# unless ConnectionStrings__Default names a server, with the demo world on an empty database.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${PORT:-5080}
if [ -z "${ConnectionStrings__Default:-}" ]; then
  scripts/pg.sh start
  export ConnectionStrings__Default="$(scripts/pg.sh url);Database=${CPOR_DB:-cpor}"
fi
export Cpor__Demo__Enabled=${Cpor__Demo__Enabled:-true}
export Cpor__BootstrapAdmin__Email=${Cpor__BootstrapAdmin__Email:-admin@cpor.example}
export Cpor__BootstrapAdmin__Password=${Cpor__BootstrapAdmin__Password:-Admin-pass-2026!}
export Cpor__Attachments__Path=${Cpor__Attachments__Path:-$ROOT/.data/attachments}
export Cpor__PublicBaseUrl=${Cpor__PublicBaseUrl:-http://127.0.0.1:$PORT}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The first build takes a minute or two: say so, and show each project as it is built.
echo "Building cpor (Release)…"
dotnet build src/Cpor.Web -c Release -v minimal -nologo -clp:NoSummary
echo "Starting cpor on http://127.0.0.1:$PORT (migrating and, on an empty database, seeding the demo world)…"
exec dotnet run --project src/Cpor.Web -c Release --no-build --no-launch-profile -- --urls "http://127.0.0.1:$PORT"
