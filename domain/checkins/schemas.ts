import { z } from 'zod';

/** "Pause me for N days" from the tab: the same rule as the chat command (CheckIns.pauseMe checks the range). */
export const pauseSchema = z.object({ days: z.number().int() }).strict();
