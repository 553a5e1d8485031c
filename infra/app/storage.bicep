// The app's data account (ledger, snapshots, evidence, outbox, templates, locks, inbound; queues; tables) and the
// Functions host account share one account: shared-key access off, identity-based access only.
// Names must match functions/Receivables/Storage/StorageNames.cs (a test checks them).

param name string
param location string
param tags object = {}

@description('Default version-level WORM retention of the evidence container, in days.')
@minValue(1)
param evidenceRetentionDays int

@description('Blob container for the Flex Consumption deployment package.')
param deploymentContainerName string

var containers = [
  'ledger'
  'snapshots'
  'outbox'
  'templates'
  'locks'
  'inbound'
  'workspace'
  'payments'
  deploymentContainerName
]
var queues = [
  'ledger-uploaded'
  'send-reminder'
  'process-reply'
  'credit-hold'
  'dunning-shard'
  'payments-uploaded'
]
var tables = [
  'Ledgers'
  'Debtors'
  'CaseIndex'
  'Tasks'
  'Outbound'
  'Replies'
  'Plans'
  'Runs'
  'EvidenceHeads'
  'Payments'
  'CreditHolds'
  'SetOffs'
  'Creditors'
  'DebtorLinks'
  'TodayIndex'
  'TaskDebtors'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Version-level immutability on the evidence container requires blob versioning on the account.
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource plainContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in containers: {
    parent: blobService
    name: container
    properties: { publicAccess: 'None' }
  }
]

// Evidence: WORM at version level. Every blob version is immutable for evidenceRetentionDays after it is written.
resource evidence 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'evidence'
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: { enabled: true }
  }
}

resource evidenceRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: evidence
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: evidenceRetentionDays
    allowProtectedAppendWrites: false
    allowProtectedAppendWritesAll: false
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// Each queue and its '-poison' queue (Functions moves a message there after maxDequeueCount tries).
resource appQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in concat(queues, map(queues, q => '${q}-poison')): {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource appTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output ledgerQueueName string = 'ledger-uploaded'
output paymentsQueueName string = 'payments-uploaded'
