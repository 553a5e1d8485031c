// Blob uploads to the ledger container (and bank files to the payments container, on their own queue) become Event Grid BlobCreated events on the 'ledger-uploaded' queue
// (Event Grid schema, one event per message; Event Grid writes them base64-encoded, which is what the
// Functions queue trigger reads with host.json "messageEncoding": "base64").

param name string
param location string
param tags object = {}
param storageAccountName string
param queueName string
@description('Queue for BlobCreated events of the payments container (bank files).')
param paymentsQueueName string
param identityId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource ledgerUploaded 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'ledger-uploaded'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: '/blobServices/default/containers/ledger/'
    }
    // Delivered with the topic's managed identity (Storage Queue Data Message Sender on the account).
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
  }
}

resource paymentsUploaded 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'payments-uploaded'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: '/blobServices/default/containers/payments/'
    }
    // Delivered with the topic's managed identity (Storage Queue Data Message Sender on the account).
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: paymentsQueueName
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
  }
}
