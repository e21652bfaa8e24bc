/** `leader` is a senior leader: sees every pilot in the tenant and feedback addressed to leaders. */
export const ROLES = ['member', 'manager', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles Entra ID grants (app roles on the app registration, assigned to users or groups by
 * the customer's admins). They arrive only in a verified sign-in token's `roles` claim; Leaderful
 * never grants them itself. `manager` is Leaderful's own: whoever manages a team (its Teams
 * owners, or someone an admin named).
 */
export const APP_ROLES = { 'Leaderful.Leader': 'leader', 'Leaderful.Admin': 'admin' } as const;
export type AppRoleValue = keyof typeof APP_ROLES;
export type AppRole = (typeof APP_ROLES)[AppRoleValue];

/** The app roles a token's `roles` claim grants; anything else in it is ignored. */
export function appRolesOf(claim: unknown): AppRole[] {
  if (!Array.isArray(claim)) return [];
  const roles = new Set<AppRole>();
  for (const value of claim) if (typeof value === 'string' && Object.hasOwn(APP_ROLES, value)) roles.add(APP_ROLES[value as AppRoleValue]);
  return (['leader', 'admin'] as const).filter((r) => roles.has(r));
}

/** The Entra app role value for one of ours (for tokens minted in tests and the demo). */
export const appRoleValue = (role: AppRole): AppRoleValue => (Object.keys(APP_ROLES) as AppRoleValue[]).find((k) => APP_ROLES[k] === role)!;

/** Who is calling, resolved at the edge from an SSO token or a Bot Framework activity. */
export interface Caller {
  tenantId: string;
  userId: string; // Entra object id
  name: string;
  roles: Role[];
}

export const hasRole = (caller: Caller, ...roles: Role[]) => roles.some((r) => caller.roles.includes(r));
