/**
 * At most `limit` of the jobs handed to `run` at once (a turn's sends overlap, so one slow
 * answer does not hold up the window); `idle` waits for them all.
 */
export function pool(limit: number) {
  const running = new Set<Promise<void>>();
  return {
    async run(job: () => Promise<void>): Promise<void> {
      while (running.size >= limit) await Promise.race(running);
      const p: Promise<void> = job().finally(() => running.delete(p));
      running.add(p);
    },
    idle: () => Promise.all(running),
  };
}
