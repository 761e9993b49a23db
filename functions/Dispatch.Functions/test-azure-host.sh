#!/usr/bin/env bash
# Builds and tests the Azure host (functions/Dispatch.Functions + tests/Dispatch.Functions.Tests).
# Called by the main test script; can be run on its own from anywhere.
#
#   - Restores from the configured NuGet sources only (never builds or fetches third-party source).
#   - Functions worker / Durable Task packages missing  -> prints ONE line "SKIPPED Azure host: ..." and exits 0.
#   - Only the Service Bus packages missing              -> builds/tests with -p:DispatchWithServiceBus=false
#                                                          (Assignments/ServiceBusAssignments.cs left out).
#   - Otherwise                                          -> dotnet test tests/Dispatch.Functions.Tests.
#   A test failure (or any other build/restore error) exits non-zero.
#
# Environment:
#   DISPATCH_NUGET_CONFIG=path       restore with this NuGet.Config only (--configfile), e.g. to check the skip.
#   DISPATCH_BUILD_WORKER_EXTENSIONS=1  also build the hidden WorkerExtensions project (needs the host-side
#                                    Microsoft.Azure.WebJobs.Extensions.* packages; a deployable build does).
#                                    Default here: skipped (-p:FunctionsSkipWorkerExtensionsBuild=true), which is
#                                    enough to compile the app and run its in-process tests.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
tests="tests/Dispatch.Functions.Tests/Dispatch.Functions.Tests.csproj"
log="$(mktemp -t dispatch-azure-restore.XXXXXX)"
trap 'rm -f "$log"' EXIT

restore_args=()
if [ -n "${DISPATCH_NUGET_CONFIG:-}" ]; then
  restore_args+=(--configfile "$DISPATCH_NUGET_CONFIG")
fi

props=()
if [ "${DISPATCH_BUILD_WORKER_EXTENSIONS:-0}" = "1" ]; then
  props+=(-p:FunctionsSkipWorkerExtensionsBuild=false)
else
  props+=(-p:FunctionsSkipWorkerExtensionsBuild=true)
fi

# Package ids NuGet reported as unavailable (NU1101: no such package; NU1102/NU1103: no matching version).
missing_packages() {
  grep -E "NU110[123]" "$log" | grep -Eo "Unable to find (a stable )?package [A-Za-z0-9_.-]+" \
    | awk '{print $NF}' | sed 's/\.$//' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

restore() { # $1 = DispatchWithServiceBus
  dotnet restore "$tests" "${restore_args[@]}" "${props[@]}" -p:DispatchWithServiceBus="$1" > "$log" 2>&1
}

with_service_bus=true
if ! restore true; then
  missing="$(missing_packages)"
  if [ -z "$missing" ]; then
    cat "$log" >&2
    echo "Azure host: restore failed (not a missing package; see above)." >&2
    exit 1
  fi
  others="$(echo "$missing" | tr ' ' '\n' | grep -Ev '^(Azure\.Messaging\.ServiceBus|Microsoft\.Azure\.Functions\.Worker\.Extensions\.ServiceBus)$' | tr '\n' ' ' | sed 's/ $//')"
  if [ -n "$others" ]; then
    echo "SKIPPED Azure host: packages not available from the configured NuGet sources: $missing"
    exit 0
  fi
  with_service_bus=false
  if ! restore false; then
    missing="$(missing_packages)"
    if [ -n "$missing" ]; then
      echo "SKIPPED Azure host: packages not available from the configured NuGet sources: $missing"
      exit 0
    fi
    cat "$log" >&2
    echo "Azure host: restore failed (see above)." >&2
    exit 1
  fi
  echo "Azure host: Service Bus packages not available ($missing): building with -p:DispatchWithServiceBus=false;" \
    "Assignments/ServiceBusAssignments.cs left out, offers use the Storage-queue fallback."
fi

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Azure host: node_modules/.bin/azurite missing; running npm ci"
  npm ci --no-audit --no-fund || exit 1
fi

dotnet test "$tests" --no-restore "${props[@]}" -p:DispatchWithServiceBus="$with_service_bus" \
  --logger "console;verbosity=minimal"
status=$?
if [ $status -ne 0 ]; then
  echo "Azure host: tests FAILED (exit $status)." >&2
fi
exit $status
