// Dispatch: Azure infrastructure (azd template layout, modelled on the Azure-Samples Functions
// quickstarts). Subscription scope: creates the resource group and everything in it.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds resource names and the resource token.')
param environmentName string

@minLength(1)
@description('Region for every resource. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the developer running azd (AZURE_PRINCIPAL_ID). Gets data roles for local debugging. Empty = none.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
@description('Kind of principal principalId is (ServicePrincipal when provisioning from CI).')
param principalType string = 'User'

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

// The link-signing key is not a parameter: a deployment never writes it. infra/hooks/postprovision.sh
// creates the Key Vault secret once, when it is absent, so re-running `azd up` keeps every link valid.

@description('''During a key rotation (infra/hooks/rotate-signing-key.sh): the version of the token-signing-key
secret that signed the links already handed out. Empty = no rotation in progress.''')
param previousSigningKeyVersion string = ''

@description('''During a key rotation: until when (ISO 8601 with an offset) links signed with the previous key
still open. Set together with previousSigningKeyVersion.''')
param previousKeyValidUntil string = ''

@minValue(0)
@maxValue(10)
@description('''Always-ready instances per group in alwaysReadyGroups. 0 = scale to zero (cheapest; cold start on the
first call after idle). Always-ready instances are billed continuously, even with no traffic; 1 keeps
dispatch latency low.''')
param alwaysReady int = 0

@description('Flex Consumption groups kept warm when alwaysReady > 0: http, durable, blob, or function:<FunctionName>.')
// The orchestrations (placement, replies, offer deadlines) run in the durable group: keep it warm too.
param alwaysReadyGroups string[] = [
  'http'
  'durable'
]

@minValue(1)
@maxValue(1000)
@description('Flex Consumption scale-out limit.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory per Flex Consumption instance (MB).')
param instanceMemoryMB int = 2048

@allowed([
  'eastasia'
  'eastus2'
  'centralus'
  'westus2'
  'westeurope'
])
@description('''Region of the Static Web App resource (the pages): Static Web Apps exist in these regions only. The pages
are served from the global edge wherever the resource is; East Asia (Hong Kong) is nearest the residents.''')
param webLocation string = 'eastasia'

@description('The first district administrator\'s mobile number (DISPATCH_BOOTSTRAP_ADMIN_PHONE); see app/api-settings.bicep.')
param bootstrapAdministratorPhone string = ''

@description('Their name (DISPATCH_BOOTSTRAP_ADMIN_NAME).')
param bootstrapAdministratorName string = ''

@description('Notification channels (see app/api-settings.bicep): the SMS provider\'s URL (DISPATCH_SMS_PROVIDER_URL).')
param smsProviderUrl string = ''

@description('The SMTP host for notification emails (DISPATCH_SMTP_HOST).')
param smtpHost string = ''

@description('The SMTP port (DISPATCH_SMTP_PORT).')
param smtpPort string = '587'

@description('The sender of notification emails (DISPATCH_SMTP_FROM).')
param smtpFrom string = ''

@description('The SMTP user (DISPATCH_SMTP_USER).')
param smtpUser string = ''

@description('The public VAPID key for Web Push (DISPATCH_PUSH_PUBLIC_KEY).')
param pushPublicKey string = ''

@description('The VAPID contact (DISPATCH_PUSH_SUBJECT).')
param pushSubject string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'dispatch'
}

// Names are computed here (not read back from module outputs) so what-if can resolve them.
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var serviceBusNamespaceName = '${abbrs.serviceBusNamespaces}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var taskHubName = 'dispatch'
var assignmentsQueueName = 'assignments'
var tokenSigningSecretName = 'token-signing-key'

// Flex Consumption runtime: dotnet-isolated 10.0. The Microsoft.Web/sites schema types
// functionAppConfig.runtime.version as a free string, and Flex Consumption lists .NET 10 (isolated)
// as a supported stack, so 10.0 matches the app's net10.0 target (8.0 would be the fallback).
var dotnetRuntimeVersion = '10.0'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      // Residents' order photos (Dispatch.Storage PhotoStore; private, read only through the API).
      'photos'
    ]
  }
}

module serviceBus 'core/messaging/service-bus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: serviceBusNamespaceName
    location: location
    tags: tags
    assignmentsQueueName: assignmentsQueueName
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
  }
}

module plan 'core/host/flex-consumption-plan.bicep' = {
  name: 'plan'
  scope: rg
  params: {
    name: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    serviceBusNamespaceName: serviceBusNamespaceName
    assignmentsQueueName: assignmentsQueueName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    storage
    serviceBus
    keyVault
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    serviceName: 'api'
    appServicePlanId: plan.outputs.resourceId
    identityId: identity.outputs.resourceId
    storageAccountName: storageAccountName
    deploymentStorageContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: dotnetRuntimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstanceCount: alwaysReady
    alwaysReadyGroups: alwaysReadyGroups
  }
  // Roles first, so the Key Vault reference and identity-based host storage work on first start.
  dependsOn: [
    rbac
  ]
}

// The pages, with the Function App linked as their /api backend (one origin for pages and API).
module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}web-${resourceToken}'
    location: webLocation
    tags: tags
    serviceName: 'web'
    backendName: api.outputs.name
  }
}

// The app settings last: Dispatch__PublicBaseUrl is the Static Web App's generated host name (see
// app/api-settings.bicep for why this is not part of app/api.bicep).
module apiSettings 'app/api-settings.bicep' = {
  name: 'apiSettings'
  scope: rg
  params: {
    functionAppName: api.outputs.name
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    publicBaseUrl: web.outputs.uri
    bootstrapAdministratorPhone: bootstrapAdministratorPhone
    bootstrapAdministratorName: bootstrapAdministratorName
    keyVaultName: keyVaultName
    smsProviderUrl: smsProviderUrl
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpFrom: smtpFrom
    smtpUser: smtpUser
    pushPublicKey: pushPublicKey
    pushSubject: pushSubject
    // The settings Dispatch's code reads (a contract with functions/Dispatch.Functions).
    // api-settings.bicep adds AzureWebJobsStorage__*, APPLICATIONINSIGHTS_* and Dispatch__PublicBaseUrl.
    appSettings: union({
      // App data tables (Azure.Data.Tables with the user-assigned identity).
      Storage__TableServiceUri: storage.outputs.tableServiceUri
      Storage__ClientId: identity.outputs.clientId
      // Service Bus connection "ServiceBus" (trigger + sender), identity-based.
      ServiceBus__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: identity.outputs.clientId
      AssignmentsQueue: assignmentsQueueName
      // With Service Bus, the Storage-queue fallback's 10-second drain timer has nothing to do (it returns at
      // once); switched off so it does not wake the app every 10 seconds on Flex Consumption.
      'AzureWebJobs.AssignmentQueueDrain.Disabled': 'true'
      // Durable Functions task hub (Azure Storage provider on AzureWebJobsStorage).
      TaskHubName: taskHubName
      // The link-signing key, resolved by the platform with keyVaultReferenceIdentity (the user-assigned
      // identity). No version: the latest, i.e. the current key after a rotation.
      Dispatch__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${tokenSigningSecretName})'
      // Timer schedules are UTC: WEBSITE_TIME_ZONE is not supported on Linux consumption plans.
      // Every 5 minutes.
      ReminderSweepSchedule: '0 */5 * * * *'
      // 16:05 UTC on 31 December = 00:05 China Standard Time (UTC+8) on 1 January.
      AnnualTallySchedule: '0 5 16 31 12 *'
      // Orders: restart open orders whose orchestration is lost; purge finished histories (03:30 China time).
      OrderRepairSchedule: '0 */15 * * * *'
      OrderPurgeSchedule: '0 30 19 * * *'
      Orders__HistoryRetentionDays: '30'
      // Residents' personal data: erased this many days after an order closes, checked daily at 04:00 China time.
      PersonalDataErasureSchedule: '0 0 20 * * *'
      Dispatch__PersonalDataRetentionDays: '180'
    }, empty(previousSigningKeyVersion) ? {} : {
      // A rotation in progress: links signed with the previous version still open until the date.
      Dispatch__PreviousSigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${tokenSigningSecretName};SecretVersion=${previousSigningKeyVersion})'
      Dispatch__PreviousKeyValidUntil: previousKeyValidUntil
    })
  }
}

// ---- Outputs (azd stores each as an environment value) ----
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = web.outputs.uri
output DISPATCH_PUBLIC_BASE_URL string = web.outputs.uri
output AZURE_USER_ASSIGNED_IDENTITY_NAME string = identity.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_SERVICE_URI string = storage.outputs.tableServiceUri
output STORAGE_DEPLOYMENT_CONTAINER_NAME string = deploymentContainerName
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.name
output SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output ASSIGNMENTS_QUEUE_NAME string = serviceBus.outputs.assignmentsQueueName
output TASK_HUB_NAME string = taskHubName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ID string = keyVault.outputs.resourceId
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output TOKEN_SIGNING_KEY_SECRET_NAME string = tokenSigningSecretName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
