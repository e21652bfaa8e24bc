/**
 * Natural batching: while `maxInFlight` calls are already under way, new operations wait and leave
 * together, as one call, when one of those returns. Nothing waits on a timer: at low load every
 * operation goes at once and alone (through `one`); under load they group by themselves (through
 * `many`), and the cost of a call (the SDK's pipeline, signing, a request, a response) is paid
 * once for the group. (Group commit, as databases do it for their logs.)
 */
export interface BatchRunner<I, O> {
  /** One operation on its own. */
  one(input: I): Promise<O>;
  /** Several at once; one outcome per input, in order. */
  many(inputs: I[]): Promise<PromiseSettledResult<O>[]>;
}

interface Waiting<I, O> {
  input: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class NaturalBatches<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly runner: BatchRunner<I, O>,
    /**
     * Calls per container at once. 2 rather than 4: bigger groups under load (answer path at
     * saturation, same run: 0.71–0.74× the bare handler against 0.66–0.67× with 4), and at 100
     * answers/s p99 stayed within 15 ms either way.
     */
    private readonly maxInFlight = 2,
    /** Cosmos DB takes at most 100 operations in one bulk call. */
    private readonly maxBatch = 100,
  ) {}

  run(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length) {
      const group = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      this.send(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async send(group: Waiting<I, O>[]): Promise<void> {
    if (group.length === 1) {
      const [w] = group;
      await this.runner.one(w.input).then(w.resolve, w.reject);
      return;
    }
    try {
      const outcomes = await this.runner.many(group.map((w) => w.input));
      group.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome.status === 'fulfilled') w.resolve(outcome.value);
        else w.reject(outcome.reason);
      });
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  }
}
