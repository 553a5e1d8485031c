// Receivables in Azure: Functions app (Flex Consumption, .NET isolated), data storage with Event Grid and WORM
// evidence, Key Vault, Application Insights, optional Azure OpenAI. Deploy with `azd up` (see docs/deploy.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; used to name the resource group and derive unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for all resources (Flex Consumption must be available there).')
param location string

@description('Resource group name; empty = rg-<environmentName>.')
param resourceGroupName string = ''

@description('Years evidence is kept after the end of the financial year (Receivables__Evidence__RetentionYears).')
@minValue(1)
@maxValue(100)
param evidenceRetentionYears int = 5

@description('Last month of the financial year (Receivables__Evidence__FinancialYearEndMonth).')
@minValue(1)
@maxValue(12)
param financialYearEndMonth int = 12

@description('NCRONTAB schedule of the daily dunning cycle (DunningSchedule), in UTC: Linux plans (Flex Consumption) ignore WEBSITE_TIME_ZONE. 0 0 6 * * * is 07:00 in Oslo in winter, 08:00 in summer. The business date is taken in Receivables__TimeZone.')
param dunningSchedule string = '0 0 6 * * *'

@description('Debtors per shard of the daily cycle: one dunning-shard queue message each (docs/deploy.md, "A big day").')
@minValue(1)
param dunningDebtorsPerShard int = 5000

@description('About how many debtors one table partition of a creditor\'s cases holds (1 to 16 partitions, fixed when the creditor is first planned).')
@minValue(1)
param dunningDebtorsPerPartition int = 10000

@description('Most shards per creditor and day (a power of two is used, at most 256).')
@minValue(1)
@maxValue(256)
param dunningMaxShards int = 64

@description('Debtors one instance works at once within one shard.')
@minValue(1)
@maxValue(64)
param dunningParallelism int = 8

@description('Flex Consumption: most instances the app scales out to (queues drive the scale; each works host.json batchSize + newBatchThreshold messages at once). Flex Consumption allows 40 to 1000.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Time zone of business days and schedules (Receivables__TimeZone).')
param timeZone string = 'Europe/Oslo'

@description('Creditor id: the first folder of ledger blobs (ledger/<creditorId>/...).')
param creditorId string = 'demo'

@description('The creditor: name, orgNumber, email, phone, bankAccount, address, language, currency, country.')
param creditor object = {
  name: 'Fjordlys Elektro AS'
  orgNumber: '912345678'
  email: 'regnskap@fjordlys.example'
  phone: '+47 22 12 34 56'
  bankAccount: '12345678903'
  address: 'Storgata 1, 0155 Oslo'
  language: 'nb'
  currency: 'NOK'
  country: 'NO'
}

@secure()
@description('SendGrid API key (Mail Send). Stored in Key Vault as sendgrid-api-key.')
param sendGridApiKey string

@description('Application (client) id of the Entra ID app registration that signs people in to the workspace (app roles controller and viewer). Empty: the workspace is not deployed.')
param workspaceClientId string = ''

@secure()
@minLength(32)
@description('Secret in the Inbound Parse URL (/api/inbound/{secret}): at least 32 random characters (openssl rand -hex 32). Stored in Key Vault as inbound-secret. The app refuses to start with a shorter one or a sample placeholder.')
param inboundSecret string

@secure()
@description('HMAC key (at least 32 random characters) that signs the links to debtors\' pages.')
param debtorPageKey string

@description('SendGrid event webhook verification key (base64 DER public key from the SendGrid console); empty until signed events are enabled.')
param sendGridEventWebhookPublicKey string = ''

@description('Create an Azure OpenAI account and model deployment for reply classification.')
param deployOpenAi bool = false

param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'
param openAiDeploymentName string = 'gpt-4o-mini'
param openAiCapacity int = 10

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'app-package-${take(token, 7)}'
// WORM counts from when each blob is written, the law from the end of the financial year: one year more.
var evidenceRetentionDays = (evidenceRetentionYears + 1) * 366

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-receivables-${token}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: 'streceivables${take(token, 11)}'
    location: location
    tags: tags
    evidenceRetentionDays: evidenceRetentionDays
    deploymentContainerName: deploymentContainerName
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  scope: rg
  params: {
    name: 'evgt-receivables-${token}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    queueName: storage.outputs.ledgerQueueName
    paymentsQueueName: storage.outputs.paymentsQueueName
    identityId: identity.outputs.id
  }
  dependsOn: [ rbac ]
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: 'kv-rcv-${take(token, 13)}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    inboundSecret: inboundSecret
    debtorPageKey: debtorPageKey
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-receivables-${token}'
    appInsightsName: 'appi-receivables-${token}'
    location: location
    tags: tags
  }
}

module openAi 'app/openai.bicep' = if (deployOpenAi) {
  scope: rg
  params: {
    name: 'oai-receivables-${token}'
    location: location
    tags: tags
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentName: openAiDeploymentName
    capacity: openAiCapacity
  }
}

module rbac 'app/rbac.bicep' = {
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    openAiAccountName: deployOpenAi ? openAi!.outputs.name : ''
  }
}

var storageBlob = storage.outputs.blobEndpoint
var storageQueue = storage.outputs.queueEndpoint
var storageTable = storage.outputs.tableEndpoint
var clientId = identity.outputs.clientId

// The Function App's settings, one line each. Keys match local.settings.sample.json "Values" one to one except
// the identity-based forms of connection strings (see tests/Receivables.Tests/Infra/SettingsDriftTests.cs).
var appSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlob
  AzureWebJobsStorage__queueServiceUri: storageQueue
  AzureWebJobsStorage__tableServiceUri: storageTable
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: clientId
  ReceivablesStorage__blobServiceUri: storageBlob
  ReceivablesStorage__queueServiceUri: storageQueue
  ReceivablesStorage__tableServiceUri: storageTable
  ReceivablesStorage__credential: 'managedidentity'
  ReceivablesStorage__clientId: clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${clientId};Authorization=AAD'
  AZURE_CLIENT_ID: clientId
  DunningSchedule: dunningSchedule
  Receivables__TimeZone: timeZone
  'Receivables__Creditors__${creditorId}__Name': creditor.name
  'Receivables__Creditors__${creditorId}__OrgNumber': creditor.orgNumber
  'Receivables__Creditors__${creditorId}__Email': creditor.email
  'Receivables__Creditors__${creditorId}__Phone': creditor.phone
  'Receivables__Creditors__${creditorId}__BankAccount': creditor.bankAccount
  'Receivables__Creditors__${creditorId}__Address': creditor.address
  'Receivables__Creditors__${creditorId}__Language': creditor.language
  'Receivables__Creditors__${creditorId}__Currency': creditor.currency
  'Receivables__Creditors__${creditorId}__Country': creditor.country
  Receivables__Ledger__SortChunkRows: '200000'
  Receivables__Ledger__MaxReportedProblems: '200'
  Receivables__Ledger__TempPath: ''
  Receivables__Payments__ReconcileAfterDays: '5'
  Receivables__Payments__BatchSize: '100'
  Receivables__Evidence__RetentionYears: string(evidenceRetentionYears)
  Receivables__Evidence__FinancialYearEndMonth: string(financialYearEndMonth)
  Receivables__Channel__PostUnconfirmedNotices: 'true'
  Receivables__Channel__ConfirmedEmailDays: '365'
  // Contact hours (Prop. 3 L (2025–2026)): messages go out only inside these windows in Receivables__TimeZone, never on public holidays.
  Receivables__Channel__ContactHours: 'true'
  Receivables__Channel__WeekdayHours: '08:00-21:00'
  Receivables__Channel__SaturdayHours: '09:00-15:00'
  Receivables__Channel__SundayHours: ''
  Receivables__Plans__Frequency: 'Monthly'
  Receivables__Plans__FirstPaymentDays: '14'
  Receivables__Plans__MaxDurationMonths: '12'
  Receivables__Plans__MinInstallment: '500'
  Receivables__Plans__ChargeInterest: 'false'
  Receivables__Plans__AnnualInterestRate: '0'
  Receivables__Plans__WaiveFeesIfKept: 'false'
  Receivables__Plans__WaiveCompensation: 'false'
  Receivables__Plans__SettlementPercent: '0'
  Receivables__Plans__SettlementDays: '14'
  Receivables__Plans__SecurityThreshold: '50000'
  Receivables__Plans__DueOnWeekdays: 'true'
  Receivables__Plans__GraceDays: '5'
  Receivables__Plans__MissTolerance: '1'
  Receivables__Plans__AutoSendBelow: '0'
  Receivables__Plans__AnswerDays: '14'
  Receivables__Plans__ResumeDeliveriesAfterInstallments: '0'
  Receivables__Dunning__MaxLedgerAgeDays: '3'
  Receivables__Dunning__CollectionNotice: 'Send'
  Receivables__Dunning__InterestDayBasis: '365'
  // Scale-out of the daily cycle: shard size and count per creditor, debtors worked at once per shard (docs/deploy.md).
  Receivables__Dunning__Scale__DebtorsPerShard: string(dunningDebtorsPerShard)
  Receivables__Dunning__Scale__MaxShards: string(dunningMaxShards)
  Receivables__Dunning__Scale__Parallelism: string(dunningParallelism)
  Receivables__Dunning__Scale__DebtorsPerPartition: string(dunningDebtorsPerPartition)
  'Receivables__Dunning__Creditors__${creditorId}__Business': 'b2b'
  'Receivables__Dunning__Creditors__${creditorId}__Consumer': 'b2c'
  Receivables__Dunning__Rates__0__From: '2022-01-01'
  Receivables__Dunning__Rates__0__Rate: '8.50'
  Receivables__Dunning__Rates__0__Compensation: '390'
  Receivables__Dunning__Rates__1__From: '2022-07-01'
  Receivables__Dunning__Rates__1__Rate: '9.25'
  Receivables__Dunning__Rates__1__Compensation: '400'
  Receivables__Dunning__Rates__2__From: '2023-01-01'
  Receivables__Dunning__Rates__2__Rate: '10.75'
  Receivables__Dunning__Rates__2__Compensation: '410'
  Receivables__Dunning__Rates__3__From: '2023-07-01'
  Receivables__Dunning__Rates__3__Rate: '11.75'
  Receivables__Dunning__Rates__3__Compensation: '460'
  Receivables__Dunning__Rates__4__From: '2024-01-01'
  Receivables__Dunning__Rates__4__Rate: '12.50'
  Receivables__Dunning__Rates__4__Compensation: '470'
  Receivables__Dunning__Rates__5__From: '2024-07-01'
  Receivables__Dunning__Rates__5__Rate: '12.50'
  Receivables__Dunning__Rates__5__Compensation: '470'
  Receivables__Dunning__Rates__6__From: '2025-01-01'
  Receivables__Dunning__Rates__6__Rate: '12.50'
  Receivables__Dunning__Rates__6__Compensation: '470'
  Receivables__Dunning__Rates__7__From: '2025-07-01'
  Receivables__Dunning__Rates__7__Rate: '12.25'
  Receivables__Dunning__Rates__7__Compensation: '470'
  Receivables__Dunning__Rates__8__From: '2026-01-01'
  Receivables__Dunning__Rates__8__Rate: '12.00'
  Receivables__Dunning__Rates__8__Compensation: '460'
  Receivables__Dunning__Inkassosats__0__From: '2017-01-01'
  Receivables__Dunning__Inkassosats__0__Amount: '700'
  Receivables__Dunning__Inkassosats__1__From: '2026-01-01'
  Receivables__Dunning__Inkassosats__1__Amount: '750'
  // Ahead of local.settings.sample.json on main (features being merged): Key Vault references and OpenAI.
  Receivables__Email__Mode: 'Auto'
  Receivables__Email__OutboxPath: ''
  Receivables__Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridApiKeySecretUri})'
  Receivables__Email__SendGrid__BaseUrl: 'https://api.sendgrid.com'
  Receivables__Email__SendGrid__MaxRetries: '4'
  Receivables__Email__SendGrid__InitialBackoff: '00:00:01'
  Receivables__Email__SendGrid__MaxRetryAfter: '00:01:00'
  Receivables__Email__SendGrid__ActivityLookup: 'false'
  Receivables__Email__SendGrid__ActivitySettle: '00:02:00'
  Receivables__Email__SendGrid__EventWebhookPublicKey: sendGridEventWebhookPublicKey
  Receivables__Replies__Secret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.inboundSecretUri})'
  Receivables__OpenAI__Endpoint: deployOpenAi ? openAi!.outputs.endpoint : ''
  Receivables__OpenAI__Deployment: deployOpenAi ? openAi!.outputs.deploymentName : ''
  Receivables__OpenAI__ApiKey: ''
  Receivables__OpenAI__MinConfidence: '0.7'
  Receivables__Replies__AuthMode: 'Auto'
  Receivables__Replies__BasicAuthUser: ''
  Receivables__Replies__BasicAuthPassword: ''
  Receivables__Replies__SignedWebhookPublicKey: ''
  Receivables__Replies__SignatureHeader: 'X-Twilio-Email-Event-Webhook-Signature'
  Receivables__Replies__TimestampHeader: 'X-Twilio-Email-Event-Webhook-Timestamp'
  Receivables__Replies__SignatureMaxAgeMinutes: '10'
  Receivables__Replies__MaxPostBytes: '20971520'
  Receivables__Replies__MaxPromiseDays: '30'
  Receivables__Replies__PromiseGraceDays: '3'
  Receivables__Replies__PromiseWithoutDateDays: '7'
  Receivables__Escalation__MinimumForCollection: '500'
  Receivables__Escalation__MaxBrokenPlans: '2'
  Receivables__Escalation__ExtendMaxDaysOverdue: '60'
  Receivables__Contact__LargeClaimAmount: '10000'
  Receivables__Contact__LargeClaimStage: 'friendly-reminder'
  Receivables__Contact__AlwaysCallAtStage: 'collection-notice'
  Receivables__CreditHold__Stage: 'collection-notice'
  Receivables__CreditHold__MinimumOverdue: '0'
  Receivables__CreditHold__WebhookUrl: ''
  Receivables__CreditHold__WebhookSecret: ''
  Receivables__CreditHold__SignatureHeader: 'X-Receivables-Signature'
  Receivables__Replies__ReviewBelowConfidence: '0.6'
  Receivables__Replies__AcknowledgeAtMostEvery: '1.00:00:00'
  // The debtor's page is served by this app (anonymous HTTP functions under /api/debtor); its HMAC key is in Key Vault.
  Receivables__DebtorPage__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.debtorPageKeySecretUri})'
  Receivables__DebtorPage__BaseUrl: 'https://func-receivables-${token}.azurewebsites.net/api/debtor/'
  Receivables__DebtorPage__LinkDays: '45'
  Receivables__DebtorPage__RequestsPerMinute: '30'
  Receivables__Workspace__Authentication: 'AppService'
  Receivables__Workspace__LocalUser: 'operator'
}

module processor 'app/processor.bicep' = {
  scope: rg
  params: {
    name: 'func-receivables-${token}'
    planName: 'plan-receivables-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentStorageContainerUrl: '${storageBlob}${deploymentContainerName}'
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
  }
  dependsOn: [ rbac ]
}

module workspace 'app/workspace.bicep' = if (!empty(workspaceClientId)) {
  scope: rg
  params: {
    name: 'app-receivables-${token}'
    planName: 'asp-receivables-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appSettings: appSettings
    clientId: workspaceClientId
    tenantId: tenant().tenantId
  }
  dependsOn: [ rbac ]
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = processor.outputs.name
output FUNCTION_APP_URL string = 'https://${processor.outputs.defaultHostName}'
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
