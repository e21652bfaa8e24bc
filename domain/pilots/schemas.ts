import { z } from 'zod';
import { isoDate, says } from '../shared/validation';
import { OUTCOMES } from './model';
import { questionsSchema } from '../practices/questions';

/** What people send to launch, edit and close a pilot (parsed at the edges with `parseInput`). */
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const cadenceSchema = z
  .object({
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, says('pilot.no_days')).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('not_a_time', { example: '09:30' })),
    everyWeeks: z.number().int().min(1).max(4).default(1),
    reminderHours: z.number().int().min(0).max(72).default(4),
    roundHours: z.number().int().min(2).max(168).default(24),
  })
  .strict();

export const DEFAULT_CADENCE = { weekdays: [5], time: '10:00', everyWeeks: 1, reminderHours: 4, roundHours: 24 };

const pilotFields = {
  title: text(3, 120),
  practiceId: z.string().max(80).optional(),
  hypothesis: text(10, 1000),
  successMeasures: z.array(text(3, 200)).min(1, says('pilot.no_measures')).max(5),
  teamId: z.string().min(1, says('pick_team')).max(200),
  cadence: cadenceSchema.default(DEFAULT_CADENCE),
  questions: questionsSchema.optional(),
  startDate: isoDate,
  endDate: isoDate,
};

function datesInOrder(v: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate <= v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: says('pilot.end_before_start') });
  }
}

export const pilotInputSchema = z.object(pilotFields).strict().superRefine(datesInOrder);
export type PilotInput = z.output<typeof pilotInputSchema>;

export const pilotPatchSchema = z.object(pilotFields).partial().strict().superRefine(datesInOrder);
export type PilotPatch = z.output<typeof pilotPatchSchema>;

export const closePilotSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    learning: text(3, 2000),
  })
  .strict();
