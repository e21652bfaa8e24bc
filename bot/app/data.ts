/** Text from what a card, a form or the outbox carried: anything may arrive, so only strings (and numbers) count, bounded. */
export const str = (v: unknown, max = 2000): string => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '');
