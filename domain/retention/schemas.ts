import { z } from 'zod';
import { says } from '../shared/validation';
import { RETENTION_KIND_NAMES, RETENTION_KINDS, type RetentionKind } from './policy';

const days = (kind: RetentionKind) => {
  const { minDays, maxDays } = RETENTION_KINDS[kind];
  return z
    .number({ invalid_type_error: says('not_whole') })
    .int(says('not_whole'))
    .min(minDays, says('retention.below_minimum', { min: minDays }))
    .max(maxDays, says('retention.above_maximum', { max: maxDays }))
    .optional();
};

/** Days to keep, per kind, each within its bounds (a value outside them names the bound it broke). */
export const retentionSchema = z.object(Object.fromEntries(RETENTION_KIND_NAMES.map((k) => [k, days(k)])) as Record<RetentionKind, ReturnType<typeof days>>).strict();
export type RetentionInput = Partial<Record<RetentionKind, number>>;
