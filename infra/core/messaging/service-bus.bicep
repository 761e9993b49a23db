// Service Bus namespace (Standard: queues with duplicate detection) with local (SAS) auth disabled,
// plus the queues the app uses. Callers authenticate with Entra ID only.
@description('Namespace name (6-50 characters).')
@minLength(6)
@maxLength(50)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags applied to the namespace.')
param tags object = {}

@description('Name of the queue that carries assignment messages.')
param assignmentsQueueName string = 'assignments'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource assignments 'queues' = {
    name: assignmentsQueueName
    properties: {
      // The sender sets MessageId to a deterministic id (e.g. order + attempt), so a retried
      // send within the window is dropped by the broker instead of assigning twice.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT1H'
      // Peek-lock: a handler has one minute to complete; after 5 failed deliveries the message
      // goes to the dead-letter queue.
      lockDuration: 'PT1M'
      maxDeliveryCount: 5
      // An offer message lives until the offer's deadline (the sender sets its time-to-live). One that
      // expires unread is moot: the order has moved on to the next member, and it would only clutter the
      // organizers' dead-letter list.
      deadLetteringOnMessageExpiration: false
      requiresSession: false
      enablePartitioning: false
    }
  }
}

output name string = namespace.name
output resourceId string = namespace.id
// serviceBusEndpoint looks like https://<ns>.servicebus.windows.net:443/ (cloud-specific suffix).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output assignmentsQueueName string = namespace::assignments.name
