/** `leader` is a senior leader: sees every pilot in the tenant and feedback addressed to leaders. */
export const ROLES = ['member', 'manager', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved at the edge from an SSO token or a Bot Framework activity. */
export interface Caller {
  tenantId: string;
  userId: string; // Entra object id
  name: string;
  roles: Role[];
}

export const hasRole = (caller: Caller, ...roles: Role[]) => roles.some((r) => caller.roles.includes(r));
