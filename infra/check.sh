#!/usr/bin/env bash
# Compiles and lints infra/main.bicep (and every module it references) offline, treating every
# Bicep warning as an error. Needs only the .NET SDK: the Bicep CLI comes from NuGet
# (Azure.Bicep.CommandLine.<rid>) via a throwaway project outside the repo, cached between runs.
#
# Then checks the compiled template holds the pages (check-pages.py: Static Web App + linked backend + links setting).
#
#   infra/check.sh             # prints "bicep: infra/main.bicep compiled, 0 warnings" or the failure
#   BICEP=/path/to/bicep infra/check.sh   # use an existing Bicep CLI instead
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main="$infra_dir/main.bicep"
params="$infra_dir/main.parameters.json"

fail() {
  echo "bicep: FAILED: $*"
  exit 1
}

bicep_rid() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    *) fail "unsupported OS $(uname -s); set BICEP to a Bicep CLI" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "unsupported CPU $(uname -m); set BICEP to a Bicep CLI" ;;
  esac
  echo "$os-$arch"
}

restore_bicep() {
  local rid="$1" packages="$2" tmp sdk_major tfm
  command -v dotnet > /dev/null || fail "the .NET SDK (dotnet) is needed to fetch the Bicep CLI from NuGet"
  # The throwaway project lives outside the repo so the repo's Directory.Build.props,
  # Directory.Packages.props (central package management) and global.json don't apply.
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/bicep-restore.XXXXXX")"
  sdk_major="$(cd "$tmp" && dotnet --version | cut -d. -f1)"
  tfm="net${sdk_major}.0"
  cat > "$tmp/bicep-download.csproj" << PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$tfm</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.$rid" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJ
  echo "bicep: restoring Azure.Bicep.CommandLine.$rid $BICEP_VERSION from NuGet..." >&2
  if ! (cd "$tmp" && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    dotnet restore bicep-download.csproj --packages "$packages" > "$tmp/restore.log" 2>&1); then
    cat "$tmp/restore.log" >&2
    rm -rf "$tmp"
    fail "dotnet restore of Azure.Bicep.CommandLine.$rid $BICEP_VERSION failed"
  fi
  rm -rf "$tmp"
}

if [[ -n "${BICEP:-}" ]]; then
  bicep="$BICEP"
else
  rid="$(bicep_rid)"
  packages="${BICEP_PACKAGES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dispatch-infra/packages}"
  pkg_id="$(echo "azure.bicep.commandline.$rid" | tr '[:upper:]' '[:lower:]')"
  bicep="$packages/$pkg_id/$BICEP_VERSION/tools/bicep"
  if [[ ! -f "$bicep" ]]; then
    mkdir -p "$packages"
    restore_bicep "$rid" "$packages"
  fi
  [[ -f "$bicep" ]] || fail "Bicep CLI not found at $bicep after restore"
  [[ -x "$bicep" ]] || chmod +x "$bicep"
fi

# Offline: no registry modules, no version check; keep the CLI quiet.
export BICEP_TRACING_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1

out="$(mktemp)"
arm="$(mktemp)"
trap 'rm -f "$out" "$arm"' EXIT
status=0
"$bicep" build "$main" --stdout > "$arm" 2> "$out" || status=$?
"$bicep" lint "$main" >> "$out" 2>&1 || status=$?

# The pages are part of the deployment: a Static Web App (Standard) linked to the Function App, and links
# (Dispatch__PublicBaseUrl) pointing at it. Checked on the compiled ARM JSON.
if [[ "$status" -eq 0 ]]; then
  command -v python3 > /dev/null || fail "python3 is needed to check the compiled template"
  python3 "$infra_dir/check-pages.py" < "$arm" >> "$out" 2>&1 || status=$?
fi

# Every parameter in main.parameters.json must exist in main.bicep (azd would pass it, ARM would reject it).
for name in $(grep -oE '^    "[A-Za-z0-9_]+": \{' "$params" | sed -E 's/^ *"([^"]+)".*/\1/'); do
  if ! grep -qE "^param $name " "$main"; then
    echo "$params : Error params: parameter '$name' is not declared in main.bicep" >> "$out"
  fi
done

# build and lint report the same diagnostics; count each once.
sort -u -o "$out" "$out"
warnings="$(grep -cE ': Warning ' "$out" || true)"
errors="$(grep -cE ': Error ' "$out" || true)"

if [[ "$status" -ne 0 || "$warnings" -ne 0 || "$errors" -ne 0 ]]; then
  cat "$out"
  fail "infra/main.bicep: $errors error(s), $warnings warning(s) (warnings count as errors)"
fi
if [[ -s "$out" ]]; then
  cat "$out" # informational diagnostics only
fi
echo "bicep: infra/main.bicep compiled, 0 warnings"
