#!/usr/bin/env bash
# Runs the local host as a demo, with demo data on Azurite (installed from npm on first run), on 127.0.0.1:5080.
# Data stays in .azurite/ between runs; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

azurite_pid=""
if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  mkdir -p .azurite
  node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > .azurite/azurite.log 2>&1 &
  azurite_pid=$!
  trap '[ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null' EXIT
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.2; done
  echo "Azurite started (data in .azurite/)"
else
  echo "Using the Azurite already listening on 127.0.0.1:10002"
fi

# A demo: seeds the demo community, serves /api/demo/links and signs links with the public demo key (unless
# Dispatch__SigningKey is set). Without this switch, outside Development, the host has none of these.
export Dispatch__Demo=true
echo "Open http://127.0.0.1:5080/ — the organizer's and members' links are at http://127.0.0.1:5080/api/demo/links"
dotnet run --project functions/Dispatch.Local -- "$@"
