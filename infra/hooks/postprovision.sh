#!/bin/sh
# azd postprovision hook: writes functions/Dispatch.Functions/local.settings.json so `func start`
# (or the IDE) runs the app locally against the resources just provisioned, signed in as you
# (DefaultAzureCredential: az login / azd auth login / IDE). Your principal got the data roles
# through the principalId parameter (AZURE_PRINCIPAL_ID).
#
# Differences from the deployed app:
#   - no __credential / __clientId: locally the developer credential is used, not the managed identity;
#   - TaskHubName is "dispatchlocal", so a local host never takes work items of the deployed task hub;
#   - the Service Bus queue IS shared: a local host competes with the deployed app for messages.
#
# azd exports the main.bicep outputs as environment variables before running this hook.
set -eu

project_dir="$(cd "$(dirname "$0")/../.." && pwd)/functions/Dispatch.Functions"
settings="$project_dir/local.settings.json"

for var in STORAGE_ACCOUNT_NAME STORAGE_TABLE_SERVICE_URI SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE \
  ASSIGNMENTS_QUEUE_NAME AZURE_KEY_VAULT_NAME TOKEN_SIGNING_KEY_SECRET_NAME; do
  eval "value=\${$var:-}"
  if [ -z "$value" ]; then
    echo "postprovision: $var is not set; run 'azd provision' first (or 'azd env refresh')." >&2
    exit 1
  fi
done

# JSON string escaping for values we don't control (the signing key may be user-supplied).
json_escape() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

signing_key_line=""
if command -v az > /dev/null 2>&1; then
  if key="$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$TOKEN_SIGNING_KEY_SECRET_NAME" \
    --query value --output tsv 2> /dev/null)" && [ -n "$key" ]; then
    signing_key_line="    \"Tokens__SigningKey\": \"$(json_escape "$key")\","
  fi
fi
if [ -z "$signing_key_line" ]; then
  echo "postprovision: could not read $TOKEN_SIGNING_KEY_SECRET_NAME from $AZURE_KEY_VAULT_NAME (Azure CLI missing," \
    "not signed in, or role assignment still propagating); add Tokens__SigningKey to local.settings.json yourself." >&2
fi

if [ ! -d "$project_dir" ]; then
  echo "postprovision: $project_dir does not exist; skipping local.settings.json." >&2
  exit 0
fi

if [ -f "$settings" ]; then
  cp "$settings" "$settings.bak"
  echo "postprovision: previous local.settings.json saved as local.settings.json.bak"
fi

cat > "$settings" << JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage__accountName": "$STORAGE_ACCOUNT_NAME",
    "Storage__TableServiceUri": "$STORAGE_TABLE_SERVICE_URI",
    "ServiceBus__fullyQualifiedNamespace": "$SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE",
    "AssignmentsQueue": "$ASSIGNMENTS_QUEUE_NAME",
    "TaskHubName": "dispatchlocal",
$signing_key_line
    "ReminderSweepSchedule": "0 */5 * * * *",
    "AnnualTallySchedule": "0 5 16 31 12 *",
    "Dispatch__PublicBaseUrl": "http://localhost:7071"
  }
}
JSON
# Drop the blank line left when the signing key could not be read.
sed -i.tmp '/^$/d' "$settings" && rm -f "$settings.tmp"

echo "postprovision: wrote $settings"
