import { DefaultAzureCredential } from '@azure/identity';
import type { GraphPort } from '../../domain/ports/graph';
import type { Config } from '../config';
import { LocalGraphCredential } from './local-credential';
import { MicrosoftGraph } from './microsoft-graph';

export const MICROSOFT_GRAPH = 'https://graph.microsoft.com';

/**
 * The Graph connection the config asks for. In Azure: Microsoft Graph with the app's managed
 * identity, for the tenant the app lives in. With a local stand-in: its address, token and
 * certificate. `startLocal` starts the demo stand-in when nothing is configured and the store is
 * the embedded one (a local run); it returns what to stop at shutdown.
 */
export async function connectGraph(
  config: Config,
  startLocal: (() => Promise<{ url: string; secret: string; ca: string; stop(): Promise<void> }>) | undefined,
): Promise<{ graph: GraphPort; stop?: () => Promise<void>; local?: boolean }> {
  if (config.GRAPH_ENDPOINT && config.GRAPH_LOCAL_TOKEN) {
    return { graph: new MicrosoftGraph({ endpoint: config.GRAPH_ENDPOINT, credential: new LocalGraphCredential(config.GRAPH_LOCAL_TOKEN), ca: config.GRAPH_LOCAL_CA }) };
  }
  if (!config.GRAPH_ENDPOINT && startLocal) {
    const standIn = await startLocal();
    return { graph: new MicrosoftGraph({ endpoint: standIn.url, credential: new LocalGraphCredential(standIn.secret), ca: standIn.ca }), stop: () => standIn.stop(), local: true };
  }
  const homeTenantId = config.AAD_APP_TENANT_ID || config.MicrosoftAppTenantId || undefined;
  return {
    graph: new MicrosoftGraph({
      endpoint: config.GRAPH_ENDPOINT ?? MICROSOFT_GRAPH,
      credential: new DefaultAzureCredential({ managedIdentityClientId: config.AZURE_CLIENT_ID }),
      homeTenantId,
    }),
  };
}
