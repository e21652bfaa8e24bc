import type { Activity } from 'botbuilder';
import type { Domain } from '../domain';
import type { Caller } from '../domain/shared/caller';

/** The Entra tenant and user behind a Teams activity, or undefined outside a Teams tenant. */
export function activityIdentity(activity: Partial<Activity>): { tenantId: string; userId: string; name: string } | undefined {
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId: String(tenantId), userId: String(userId), name: String(activity.from?.name ?? '') };
}

export async function callerOf(domain: Domain, activity: Partial<Activity>): Promise<Caller | undefined> {
  const who = activityIdentity(activity);
  return who ? domain.directory.resolveCaller(who.tenantId, who.userId, who.name) : undefined;
}
