// Key Vault with Azure RBAC authorization (no access policies) holding the token-signing secret.
@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the vault.')
param tags object = {}

@description('Name of the secret that holds the token-signing key.')
param tokenSigningSecretName string = 'token-signing-key'

@secure()
@description('Value of the token-signing key.')
param tokenSigningKey string

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

  resource tokenSigning 'secrets' = {
    name: tokenSigningSecretName
    properties: {
      value: tokenSigningKey
      contentType: 'text/plain'
    }
  }
}

output name string = vault.name
output resourceId string = vault.id
output vaultUri string = vault.properties.vaultUri
output tokenSigningSecretName string = vault::tokenSigning.name
// Versionless URI: the Key Vault reference follows the latest version of the secret.
output tokenSigningSecretUri string = vault::tokenSigning.properties.secretUri
