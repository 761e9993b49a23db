#!/usr/bin/env bash
# Builds and tests the Azure host (functions/Dispatch.Functions + tests/Dispatch.Functions.Tests), and builds the
# task hub benchmark (tests/Dispatch.TaskHub.Benchmarks) on top of them.
# Called by the main test script; can be run on its own from anywhere.
#
#   - Restores from the configured NuGet sources. The build is the deployable one: the Worker.Sdk's hidden
#     WorkerExtensions project (the host-side extensions and extensions.json) is restored and built too.
#   - Microsoft.Azure.Functions.Worker.Extensions.ServiceBus (the [ServiceBusTrigger] binding) is the one
#     package the mirror here does not serve. Where it cannot be restored, the build goes on with
#     -p:DispatchServiceBusTrigger=false, which leaves out only Assignments/AssignmentTrigger.cs, and says so in
#     one line; any other missing package or build error fails this script (no silent skip).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
tests="tests/Dispatch.Functions.Tests/Dispatch.Functions.Tests.csproj"
log="$(mktemp -t dispatch-azure-restore.XXXXXX)"
trap 'rm -f "$log"' EXIT

# Package ids NuGet reported as unavailable (NU1101: no such package; NU1102/NU1103: no matching version).
missing_packages() {
  grep -E "NU110[123]" "$log" | grep -Eo "Unable to find (a stable )?package [A-Za-z0-9_.-]+" \
    | awk '{print $NF}' | sed 's/\.$//' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

restore() { # $1 = DispatchServiceBusTrigger
  dotnet restore "$tests" -p:DispatchServiceBusTrigger="$1" > "$log" 2>&1
}

trigger=true
if ! restore true; then
  missing="$(missing_packages)"
  if [ "$missing" != "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus" ]; then
    cat "$log" >&2
    echo "Azure host: restore FAILED${missing:+ (missing: $missing)}." >&2
    exit 1
  fi
  trigger=false
  if ! restore false; then
    cat "$log" >&2
    echo "Azure host: restore FAILED (see above)." >&2
    exit 1
  fi
  echo "Azure host: $missing is not served here: building with -p:DispatchServiceBusTrigger=false (only the trigger file is left out)."
fi

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

dotnet test "$tests" --no-restore -p:DispatchServiceBusTrigger="$trigger" --logger "console;verbosity=minimal"
status=$?
[ $status -eq 0 ] || echo "Azure host: tests FAILED (exit $status)." >&2

# The task hub benchmark runs on the tests' AzureHost: built here (not run) so a change there cannot break it unseen.
if ! dotnet build tests/Dispatch.TaskHub.Benchmarks -p:DispatchServiceBusTrigger="$trigger" -v quiet -nologo > "$log" 2>&1; then
  grep -E ": error " "$log" | sort -u >&2
  echo "Azure host: the task hub benchmark does not build." >&2
  [ $status -ne 0 ] || status=1
fi
exit $status
