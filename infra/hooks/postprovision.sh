#!/bin/sh
# azd postprovision hook: makes sure the link-signing key exists in Key Vault.
#
#   - It creates the secret token-signing-key (32 random bytes, base64) only when the secret is absent. The
#     Bicep never writes it, so re-running `azd provision` or `azd up` keeps the key, and every link already
#     handed out stays valid. Replacing it is a deliberate step: infra/hooks/rotate-signing-key.sh.
#   - It writes nothing on this machine: no local.settings.json, no key, no production address. A local run
#     uses Azurite and its own settings (copy local.settings.sample.json), never production's tables, queues
#     or key.
#
# Needs the Azure CLI signed in (az login) as someone who may write the vault's secrets through Azure
# Resource Manager (Owner or Contributor on the resource group, which `azd up` needs anyway). azd exports
# the main.bicep outputs as environment variables before running this hook.
set -eu

. "$(dirname "$0")/signing-key.sh"
signing_key_require postprovision

status=0
version="$(signing_key_version)" || status=$?
case "$status" in
  0)
    echo "postprovision: the signing key $TOKEN_SIGNING_KEY_SECRET_NAME exists (version $version); kept."
    ;;
  2)
    signing_key_put_new
    echo "postprovision: created the signing key $TOKEN_SIGNING_KEY_SECRET_NAME in Key Vault."
    signing_key_refresh_app || echo "postprovision: could not touch the app's settings; it picks the key up on its next restart or within 24 hours." >&2
    ;;
  *)
    signing_key_fail "postprovision: could not tell whether $TOKEN_SIGNING_KEY_SECRET_NAME exists (see above); no key was created."
    ;;
esac

# Before this version the hook wrote production addresses (and the key) into local.settings.json.
old="$(cd "$(dirname "$0")/../.." && pwd)/functions/Dispatch.Functions/local.settings.json"
if [ -f "$old" ] && grep -q -e 'core.windows.net' -e 'servicebus.windows.net' "$old"; then
  echo "postprovision: $old points at Azure resources (written by an older version of this hook); delete it and copy local.settings.sample.json instead." >&2
fi
