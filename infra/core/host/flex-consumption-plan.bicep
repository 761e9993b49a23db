// Flex Consumption (FC1) plan: Linux, per-execution billing, scales to zero unless always-ready
// instances are configured on the app.
@description('Plan name.')
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the plan.')
param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

output name string = plan.name
output resourceId string = plan.id
