import { z } from 'zod';

/** An export's format: JSON (the default) or CSV, one row per stored value. */
export const exportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
/** An erasure is confirmed by typing the person's name back. */
export const eraseSchema = z.object({ confirmName: z.string().trim().min(1).max(200) }).strict();
/** A tenant deletion's second step: the first step's token and the tenant's name typed back. */
export const deletionSchema = z.object({ token: z.string().min(1).max(200), tenantName: z.string().trim().min(1).max(200) }).strict();
