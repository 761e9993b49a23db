# Sourced by postprovision.sh and rotate-signing-key.sh: the link-signing key in Key Vault, read and written
# through Azure Resource Manager (the control plane), as a Bicep deployment would. Owner or Contributor on the
# resource group is enough: nobody needs data-plane rights on the vault. The key's value is never printed;
# it passes through a private temp file that is removed at once.
#
# Needs: az (signed in: az login), openssl, and the azd environment values AZURE_KEY_VAULT_ID,
# TOKEN_SIGNING_KEY_SECRET_NAME, AZURE_FUNCTION_APP_NAME, AZURE_RESOURCE_GROUP.

signing_key_fail() {
  echo "$1" >&2
  exit 1
}

# $1: the caller's name, for messages.
signing_key_require() {
  command -v az > /dev/null 2>&1 || signing_key_fail "$1: the Azure CLI (az) is needed; install it and run 'az login'."
  command -v openssl > /dev/null 2>&1 || signing_key_fail "$1: openssl is needed to make a key."
  for var in AZURE_KEY_VAULT_ID TOKEN_SIGNING_KEY_SECRET_NAME AZURE_FUNCTION_APP_NAME AZURE_RESOURCE_GROUP; do
    eval "value=\${$var:-}"
    [ -n "$value" ] || signing_key_fail "$1: $var is not set; run 'azd provision' first (or 'azd env refresh')."
  done
}

signing_key_url() {
  printf 'https://management.azure.com%s/secrets/%s?api-version=2023-07-01' "$AZURE_KEY_VAULT_ID" "$TOKEN_SIGNING_KEY_SECRET_NAME"
}

# Prints the current version of the secret. Returns 2 when the secret does not exist, 1 on any other failure
# (then nothing must be created: a new key would break every link already handed out).
signing_key_version() {
  if out="$(az rest --method get --url "$(signing_key_url)" --query properties.secretUriWithVersion --output tsv 2>&1)"; then
    printf '%s\n' "${out##*/}"
    return 0
  fi
  case "$out" in
    *NotFound* | *"Not Found"*) return 2 ;;
  esac
  printf '%s\n' "$out" >&2
  return 1
}

# Writes a fresh key as a new version of the secret: 32 random bytes, base64 (what the app expects).
signing_key_put_new() {
  body="$(mktemp)"
  chmod 600 "$body"
  printf '{"properties":{"value":"%s","contentType":"base64 of 32 random bytes: the Dispatch link-signing key"}}' \
    "$(openssl rand -base64 32)" > "$body"
  status=0
  az rest --method put --url "$(signing_key_url)" --body "@$body" --output none || status=$?
  rm -f "$body"
  return $status
}

# The platform fetches Key Vault references again on a settings change (otherwise within 24 hours): make one.
# The next `azd provision` drops this marker setting again.
signing_key_refresh_app() {
  az functionapp config appsettings set --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
    --settings "DISPATCH_KEY_REFERENCES_REFRESHED=$(date -u +%Y-%m-%dT%H:%M:%SZ)" --output none
}
