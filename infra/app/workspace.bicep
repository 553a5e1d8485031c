// The credit controller's workspace: an App Service (Linux, .NET 10) running functions/Receivables.Web as the app's
// user-assigned identity (storage through the same identity-based settings as the Functions app), with App Service
// Authentication (Microsoft Entra ID) in front: nobody reaches a page without signing in, and the app reads the
// signed-in person and their app roles (controller, viewer) from the X-MS-CLIENT-PRINCIPAL header.

param name string
param planName string
param location string
param tags object = {}
param identityId string
param identityClientId string

@description('App settings shared with the Functions app (name: value).')
param appSettings object

@description('Application (client) id of the Entra ID app registration with the app roles controller and viewer.')
param clientId string
param tenantId string

@description('App Service plan SKU (B1 is enough for a handful of controllers).')
param skuName string = 'B1'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: skuName }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'workspace' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      alwaysOn: true
      http20Enabled: true
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(appSettings, {
    Receivables__Workspace__Authentication: 'AppService'
    AZURE_CLIENT_ID: identityClientId
  })
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: { allowedAudiences: [ 'api://${clientId}', clientId ] }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
