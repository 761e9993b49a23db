// The Dispatch Function App on a Flex Consumption plan.
// Identity: one user-assigned managed identity for everything (host storage, deployment package,
// App Insights ingestion, Key Vault references, plus whatever the app settings point the code at).
@description('Function App name.')
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the app (the azd-service-name tag is added here).')
param tags object = {}

@description('azd service name this app hosts (must match azure.yaml).')
param serviceName string = 'api'

@description('Resource id of the Flex Consumption plan.')
param appServicePlanId string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Storage account used for AzureWebJobsStorage (host + Durable task hub) and the deployment package.')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentStorageContainerName string

@allowed([
  'dotnet-isolated'
])
@description('Flex Consumption language runtime.')
param runtimeName string = 'dotnet-isolated'

@description('Flex Consumption runtime version (dotnet-isolated: 8.0, 9.0 or 10.0).')
param runtimeVersion string = '10.0'

@allowed([
  512
  2048
  4096
])
@description('Memory per instance in MB.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound on scale-out.')
param maximumInstanceCount int = 40

@minValue(0)
@description('Always-ready instances per group in alwaysReadyGroups (0 = scale to zero).')
param alwaysReadyInstanceCount int = 0

@description('Function groups (http, durable, blob) or single functions (function:<Name>) kept warm when alwaysReadyInstanceCount > 0.')
param alwaysReadyGroups string[] = [
  'http'
]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: appServicePlanId
    httpsOnly: true
    // Key Vault references (@Microsoft.KeyVault(...)) resolve with this identity, not a system one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        // Each always-ready instance is billed (at a lower baseline rate) even when idle;
        // 0 means the app scales to zero and the first call after a quiet spell pays a cold start.
        alwaysReady: alwaysReadyInstanceCount > 0
          ? map(alwaysReadyGroups, group => {
              name: group
              instanceCount: alwaysReadyInstanceCount
            })
          : []
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  // Deployments use Entra ID (azd / OneDeploy); basic publishing credentials stay off.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// The app settings are applied by api-settings.bicep once the Static Web App exists: they need its host name
// (Dispatch__PublicBaseUrl), and the Static Web App's linked backend needs this app.

output name string = functionApp.name
output resourceId string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
output uri string = 'https://${functionApp.properties.defaultHostName}'
