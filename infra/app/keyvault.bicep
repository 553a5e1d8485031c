// Key Vault (RBAC mode) for the SendGrid API key, the inbound webhook secret and the debtor page's link key. The app reads them through
// @Microsoft.KeyVault(SecretUri=...) references resolved with the user-assigned identity.

param name string
param location string
param tags object = {}

@secure()
param sendGridApiKey string

@secure()
param inboundSecret string

@secure()
param debtorPageKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource inbound 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'inbound-secret'
  properties: { value: inboundSecret }
}

resource debtorPage 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'debtor-page-key'
  properties: { value: debtorPageKey }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
output sendGridApiKeySecretUri string = sendGrid.properties.secretUri
output inboundSecretUri string = inbound.properties.secretUri
output debtorPageKeySecretUri string = debtorPage.properties.secretUri
