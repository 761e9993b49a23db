// The pages (functions/Dispatch.Local/wwwroot) on Azure Static Web Apps, with the Function App linked as its
// backend: SWA serves the pages and proxies /api/* to the app, so pages and API share one origin (no CORS,
// no API base URL in the pages). A linked backend needs the Standard plan (Free cannot link one).
@description('Static Web App name.')
param name string

@description('Region of the Static Web App resource (its metadata and the link; the pages are served from a global edge).')
param location string

@description('Tags applied to the app (the azd-service-name tag is added here).')
param tags object = {}

@description('azd service name this app hosts (must match azure.yaml).')
param serviceName string = 'web'

@description('Name of the Function App to link as the /api backend (in this resource group).')
param backendName string

resource backend 'Microsoft.Web/sites@2025-03-01' existing = {
  name: backendName
}

resource web 'Microsoft.Web/staticSites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // azd deploys the folder itself (no GitHub workflow, no build in SWA).
    provider: 'Custom'
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
    buildProperties: {
      skipGithubActionWorkflowGeneration: true
    }
  }

  // One linked backend per app: every /api/* request goes to the Function App (its routePrefix is "api").
  resource linkedBackend 'linkedBackends' = {
    name: 'api'
    properties: {
      backendResourceId: backend.id
      region: backend.location
    }
  }
}

output name string = web.name
output defaultHostName string = web.properties.defaultHostname
output uri string = 'https://${web.properties.defaultHostname}'
