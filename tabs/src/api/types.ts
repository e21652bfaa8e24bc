/**
 * The shapes every area shares: who is signed in, and the per-field problems of a refused call.
 * Each area's own shapes live in its `api.ts`. Type-only imports from the domain keep the tab in
 * step with the server at compile time without bundling any server code.
 */
import type { Role } from '../../../domain/shared/caller';

export type { FieldProblem } from '../../../domain/shared/errors';
export type { Role };

export interface Me {
  user: { id: string; name: string; roles: Role[] };
  tenant: { id: string; name: string; anonymityThreshold: number };
}
