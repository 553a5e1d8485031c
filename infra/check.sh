#!/usr/bin/env bash
# Builds and lints every Bicep template with the Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64
# (restored by infra/tools/BicepCli.csproj; version pinned in Directory.Packages.props). Any warning fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore "$here/tools/BicepCli.csproj" -v quiet -nologo >&2 || { echo "error: could not restore the Bicep CLI package" >&2; exit 1; }
assets="$here/tools/obj/project.assets.json"
packages="$(grep -A1 '"packageFolders"' "$assets" | tail -1 | sed 's/^ *"\(.*\)": *{.*$/\1/')"
version="$(grep -o '"Azure.Bicep.CommandLine.linux-x64/[^"]*"' "$assets" | head -1 | sed 's#.*/\(.*\)"#\1#')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[ -f "$bicep" ] || { echo "error: Bicep CLI not found at $bicep" >&2; exit 1; }
[ -x "$bicep" ] || chmod +x "$bicep" 2>/dev/null || true
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
for template in "$here"/main.bicep "$here"/app/*.bicep; do
  name="${template#"$here"/}"
  log="$out/$(basename "$template").log"
  # main.bicep compiles every module it uses; modules are linted on their own.
  if [ "$template" = "$here/main.bicep" ] && ! "$bicep" build "$template" --outdir "$out" >"$log" 2>&1; then
    echo "FAIL build $name" >&2; cat "$log" >&2; status=1; continue
  fi
  if ! "$bicep" lint "$template" >>"$log" 2>&1; then
    echo "FAIL lint $name" >&2; cat "$log" >&2; status=1; continue
  fi
  if grep -Eiq 'warning|error' "$log"; then
    echo "FAIL $name has warnings:" >&2; cat "$log" >&2; status=1; continue
  fi
  echo "ok   $name"
done
exit "$status"
