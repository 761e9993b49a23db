// The Function App's app settings, applied once both the app and the Static Web App exist.
// Why a module of its own: the Static Web App's linked backend needs the app's id, and the app's link base
// (Dispatch__PublicBaseUrl) needs the Static Web App's host name, which Azure generates (it cannot be
// computed from names). Putting the settings on the app itself would make the two depend on each other;
// here the order is app → Static Web App (+ link) → settings.
// Flex Consumption sets FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION from functionAppConfig;
// they must not appear here.
@description('Function App name.')
param functionAppName string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account used for AzureWebJobsStorage (host + Durable task hub).')
param storageAccountName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Where links sent to residents and members point: the origin that serves the pages.')
param publicBaseUrl string

@description('Application settings specific to Dispatch; merged under the platform settings below.')
param appSettings object = {}

@description('The first district administrator\'s mainland mobile number (Dispatch__BootstrapAdministrator__Phone): both hosts add them on start, idempotently; they then add communities and organizers on admin.html. Empty: nobody is added.')
param bootstrapAdministratorPhone string = ''

@description('That administrator\'s name as pages show it (Dispatch__BootstrapAdministrator__Name); empty: 管理员.')
param bootstrapAdministratorName string = ''

@description('Key Vault holding the channels\' secrets (sms-api-key, smtp-password, push-private-key), read by reference.')
param keyVaultName string = ''

@description('Notification channels. SMS: the provider\'s send URL (Sms__ProviderUrl; the key is the sms-api-key secret). Empty: no SMS (sign-in codes included).')
param smsProviderUrl string = ''

@description('Email: the SMTP host (Smtp__Host; the password is the smtp-password secret). Empty: no email.')
param smtpHost string = ''

@description('SMTP port (587: STARTTLS, 465: TLS).')
param smtpPort string = '587'

@description('The sender address of notification emails.')
param smtpFrom string = ''

@description('The SMTP user name.')
param smtpUser string = ''

@description('Web Push: the public VAPID key (base64url; the private key is the push-private-key secret). Empty: no push.')
param pushPublicKey string = ''

@description('Web Push: the VAPID contact (mailto: or https).')
param pushSubject string = ''

// Each channel only when set, and its secret as a Key Vault reference: a reference to an absent secret would be
// read as the key itself.
var sms = empty(smsProviderUrl) ? {} : {
  Sms__ProviderUrl: smsProviderUrl
  Sms__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=sms-api-key)'
}
var smtp = empty(smtpHost) ? {} : {
  Smtp__Host: smtpHost
  Smtp__Port: empty(smtpPort) ? '587' : smtpPort
  Smtp__From: smtpFrom
  Smtp__User: smtpUser
  Smtp__Password: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=smtp-password)'
}
var push = empty(pushPublicKey) ? {} : {
  Push__PublicKey: pushPublicKey
  Push__PrivateKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=push-private-key)'
  Push__Subject: pushSubject
}

// Only when set: an empty setting would be read as "no administrator" anyway, but it would clutter the portal.
var bootstrapAdministrator = empty(bootstrapAdministratorPhone) ? {} : {
  Dispatch__BootstrapAdministrator__Phone: bootstrapAdministratorPhone
  Dispatch__BootstrapAdministrator__Name: bootstrapAdministratorName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, bootstrapAdministrator, sms, smtp, push, {
    // Host storage + Durable task hub (Azure Storage provider: queues, tables, blobs) via identity.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry with Entra ID auth (local auth is disabled on the component).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // Per-client limits: the client's address is the X-Forwarded-For entry the Static Web App appended (the
    // second from the right; App Service's front end appends the last). Check it on the first deployment.
    RateLimits__ForwardedHops: '2'
    // Base of links sent to residents and members (/track.html, /member.html, /verify.html…): the pages
    // are on the Static Web App, not on the Function App.
    Dispatch__PublicBaseUrl: publicBaseUrl
  })
}
