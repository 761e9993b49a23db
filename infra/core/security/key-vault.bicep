// Key Vault with Azure RBAC authorization (no access policies) for the link-signing key.
// The secret itself is not declared here: a deployment would overwrite it (a new key on every
// `azd provision` breaks every link already handed out). infra/hooks/postprovision.sh creates it once,
// when it is absent; infra/hooks/rotate-signing-key.sh replaces it deliberately.
@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the vault.')
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Purge protection is left off so `azd down --purge` can remove the vault; turn it on for production.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output resourceId string = vault.id
output vaultUri string = vault.properties.vaultUri
