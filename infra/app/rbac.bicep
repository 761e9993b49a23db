// All role assignments, least privilege, each at the narrowest scope the caller needs.
//
// App identity (user-assigned, the only identity the Function App uses):
//   storage account   Storage Blob Data Owner        host storage (leases, secrets), Durable task hub
//                                                    blobs, Flex Consumption deployment package
//                     Storage Queue Data Contributor Durable task hub control/work-item queues
//                     Storage Table Data Contributor Durable history/instances tables + app data tables
//   assignments queue Azure Service Bus Data Receiver / Data Sender
//                     (Data Owner would let the scale controller read exact message counts; without
//                     it scaling falls back to peeking, which is less precise. Kept to least privilege.)
//   Key Vault         Key Vault Secrets User         resolves the Dispatch__SigningKey (and, during a rotation,
//                                                    Dispatch__PreviousSigningKey) Key Vault references. Scoped
//                                                    to the vault, which holds only the signing key: the secret
//                                                    is created after provisioning (infra/hooks/postprovision.sh),
//                                                    so it cannot be a role scope here.
//   App Insights      Monitoring Metrics Publisher   telemetry ingestion with Entra ID (local auth off)
//
// Optional developer principal (principalId): the same storage, Service Bus and monitoring data roles, to
// inspect a deployed environment. Never the signing key: local runs use Azurite and their own key
// (local.settings.sample.json), not production's.

@description('Storage account the app uses.')
param storageAccountName string

@description('Service Bus namespace name.')
param serviceBusNamespaceName string

@description('Queue the app sends to and receives from.')
param assignmentsQueueName string

@description('Key Vault name.')
param keyVaultName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param managedIdentityPrincipalId string

@description('Object id of a developer (or CI principal) to grant the same data roles for local debugging. Empty = none.')
param userPrincipalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
@description('Kind of principal userPrincipalId is.')
param userPrincipalType string = 'User'

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var serviceBusRoles = [
  roles.serviceBusDataReceiver
  roles.serviceBusDataSender
]

var assignUser = !empty(userPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName

  resource assignments 'queues' existing = {
    name: assignmentsQueueName
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// ---- App identity ----

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoles: {
  name: guid(storage.id, managedIdentityPrincipalId, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource appServiceBus 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in serviceBusRoles: {
  name: guid(serviceBus::assignments.id, managedIdentityPrincipalId, roleId)
  scope: serviceBus::assignments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource appSigningKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, managedIdentityPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, managedIdentityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: managedIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Developer principal (optional) ----

resource userStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoles: if (assignUser) {
  name: guid(storage.id, userPrincipalId, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}]

resource userServiceBus 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in serviceBusRoles: if (assignUser) {
  name: guid(serviceBus::assignments.id, userPrincipalId, roleId)
  scope: serviceBus::assignments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}]

resource userTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignUser) {
  name: guid(applicationInsights.id, userPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
