#!/usr/bin/env bash
# Installs what the product and its tests need on a Debian machine, when missing.
#   scripts/setup.sh           PostgreSQL
#   scripts/setup.sh --browser PostgreSQL and Chromium (browser tests)
set -euo pipefail
need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  need+=(chromium fonts-dejavu-core)
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null || true
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
