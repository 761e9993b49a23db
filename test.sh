#!/usr/bin/env bash
# Runs every test of Dispatch on this machine, installing what the tests need first:
# Azurite (npm), Chromium and CJK fonts for the browser tests (apt, as root), the Bicep CLI (NuGet).
# The Azure host's tests always run: a restore or build failure there fails this script.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\n== %s\n' "$*"; }

say "Installing test dependencies"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed: Azurite is needed by the storage and host tests"; exit 1; }
fi
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
      || { echo "apt-get could not install chromium/fonts-noto-cjk: the browser tests need them"; exit 1; }
  else
    echo "Chromium (/usr/bin/chromium) and fonts-noto-cjk are missing: run 'sudo apt-get install chromium fonts-noto-cjk'"; exit 1
  fi
fi

passed=0; failed=0; skipped=0; status=0
failures=$(mktemp) # names of failed tests, repeated at the end so a log's tail shows them
run_tests() { # project
  say "dotnet test $1"
  local log; log=$(mktemp)
  # No "|| true" after the pipeline: with pipefail it would run whenever dotnet test failed and reset PIPESTATUS,
  # so a failed test run would pass this script.
  dotnet test "$1" --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -E '^\s*(Failed|Skipped) |: error |Total tests|^\s+(Passed|Failed|Skipped|Total):'
  local rc=${PIPESTATUS[0]}
  local p f s
  p=$(grep -oE 'Passed:\s+[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE 'Failed:\s+[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -oE 'Skipped:\s+[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$f" -gt 0 ]; then
    status=1; grep -E '^\s*Failed ' "$log" | sed "s|^\s*|$1: |" >> "$failures"
    # What each failure said (message and stack, 60 lines at most), so the log shows why, not only which.
    say "what the failed tests of $1 said"
    awk '/^[[:space:]]*Failed [A-Za-z]/ { on = 1; n = 0 } /^[[:space:]]*(Passed|Skipped) [A-Za-z]/ { on = 0 } on && n++ < 60' "$log"
  fi
  if [ "$rc" -ne 0 ]; then
    status=1
    [ "$f" -gt 0 ] || { failed=$((failed + 1)); tail -40 "$log"; }
  fi
  rm -f "$log"
}

run_tests tests/Dispatch.Core.Tests
run_tests tests/Dispatch.Storage.Tests
run_tests tests/Dispatch.Local.Tests

say "Bicep: infra/main.bicep"
if bash infra/check.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

say "Azure host (functions/Dispatch.Functions)"
if [ -x functions/Dispatch.Functions/test-azure-host.sh ]; then
  out=$(mktemp)
  bash functions/Dispatch.Functions/test-azure-host.sh 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  p=$(grep -oE 'Passed:\s+[0-9]+' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE 'Failed:\s+[0-9]+' "$out" | tail -1 | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" -gt 0 ]; then status=1; grep -E '^\s*Failed ' "$out" | sed "s|^\s*|Azure host: |" >> "$failures"; fi
  if [ "$rc" -ne 0 ]; then status=1; [ "$f" -gt 0 ] || failed=$((failed + 1)); fi
  rm -f "$out"
else
  echo "functions/Dispatch.Functions/test-azure-host.sh is missing"; failed=$((failed + 1)); status=1
fi

echo
if [ -s "$failures" ]; then echo "Failed tests:"; cat "$failures"; fi
rm -f "$failures"
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
