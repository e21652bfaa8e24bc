// Leaderful in Azure: one Linux App Service (Node 22 LTS) serving the bot, the tab API and the tab;
// an Azure Bot that authenticates as a user-assigned managed identity (no secret); Cosmos DB for
// NoSQL reached with that identity through data-plane RBAC (account keys disabled); Application
// Insights. Deployed by the Agents Toolkit's arm/deploy (teamsapp.yml); outputs land in env/.env.<env>.
// test/packaging.test.ts keeps the containers and app settings in step with the code.

@minLength(4)
@maxLength(20)
@description('Name for every resource: "leaderful" plus the Toolkit\'s RESOURCE_SUFFIX (main.parameters.json). Letters and digits.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which the scheduler and bot need.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@allowed([
  'F0'
  'S1'
])
param botServiceSku string = 'F0'

@description('Client id of the Entra app the tab signs in with (aadApp/create writes AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Tenant of that Entra app (aadApp/create writes AAD_APP_TENANT_ID): only its app role assignments (Leaderful.Leader, Leaderful.Admin) count.')
param aadAppTenantId string

@description('Teams app id (teamsApp/create writes TEAMS_APP_ID), used for deep links from cards.')
param teamsAppId string

param cosmosDatabaseName string = 'leaderful'

// Same names and partition key as store/containers.ts (CONTAINERS, PARTITION_KEY_PATH). The app only
// reads these at start-up: with Entra auth, Cosmos data-plane RBAC cannot create databases or
// containers, so they must exist before the app runs.
var containerNames = [
  'directory'
  'pilots'
  'checkins'
  'feedback'
  'contacts'
  'outbox'
  'audit'
]
var partitionKeyPath = '/tenantId'
// Cosmos DB Built-in Data Contributor (data plane: read metadata, read/write items).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
var baseName = toLower(resourceBaseName)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: baseName
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: baseName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: baseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: baseName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    // Entra ID only: no account keys exist for anyone to leak or rotate.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for containerName in containerNames: {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          partitionKeyPath
        ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}]

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: identity.properties.principalId
    scope: cosmos.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: baseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: baseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The deploy step ships a built artifact (infra/stage-webapp.cjs), so no build runs here.
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

// Every setting server/config.ts reads in Azure. PORT comes from App Service. Deliberately absent:
// COSMOS_KEY (keys are disabled), MicrosoftAppPassword (the bot uses the managed identity),
// DEMO_SIGN_IN and the GRAPH_LOCAL_* stand-in settings (refused in production). Microsoft Graph is
// read with the same managed identity: an admin grants it User.Read.All, TeamMember.Read.All and
// TeamsActivity.Send (docs/deploy.md), which Bicep cannot do without the Microsoft Graph extension.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    PUBLIC_URL: 'https://${webApp.properties.defaultHostName}'
    TEAMS_APP_ID: teamsAppId
    MicrosoftAppId: identity.properties.clientId
    MicrosoftAppType: 'UserAssignedMSI'
    MicrosoftAppTenantId: identity.properties.tenantId
    COSMOS_ENDPOINT: cosmos.properties.documentEndpoint
    COSMOS_DATABASE: cosmosDatabaseName
    AZURE_CLIENT_ID: identity.properties.clientId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${webApp.properties.defaultHostName}/${aadAppClientId}'
    AAD_APP_TENANT_ID: aadAppTenantId
    GRAPH_ENDPOINT: 'https://graph.microsoft.com'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: baseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by arm/deploy; the manifest and the later steps read them.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint
