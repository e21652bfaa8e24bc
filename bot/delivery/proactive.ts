import type { CloudAdapter, ConversationReference } from 'botbuilder';

/**
 * Sends (or redraws) one activity in a conversation through the SDK's proactive turn. Errors
 * inside that turn are captured and thrown here, not swallowed, so the outbox records them.
 */
export async function sendProactive(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  activity: Record<string, unknown>,
  how: 'send' | 'update' = 'send',
): Promise<string | undefined> {
  let sentId: string | undefined;
  let error: unknown;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    // The SDK would retry throttled sends by itself, unpaced and invisible to the outbox; here
    // the outbox owns retries (paced, Retry-After honoured, recorded), so that policy goes.
    const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(p: { name: string }): void } } } | undefined;
    connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
    try {
      sentId = how === 'update' ? (await context.updateActivity(activity))?.id : (await context.sendActivity(activity))?.id;
    } catch (err) {
      error = err;
    }
  });
  if (error) throw error;
  return sentId;
}
