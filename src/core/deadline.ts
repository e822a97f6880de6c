/**
 * The run's time budget. EEM kills a policy at its `maxrun`; every network step takes its timeout
 * from here so a slow ISE or mail server ends the run cleanly, cursor untouched, before that.
 */
export class Deadline {
  readonly #end: number;

  constructor(
    budgetMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.#end = clock() + budgetMs;
  }

  remaining(): number {
    return Math.max(0, this.#end - this.clock());
  }

  expired(): boolean {
    return this.remaining() <= 0;
  }

  /** A step timeout: the step's own limit, but never past the deadline (at least 1 ms). */
  cap(stepMs: number): number {
    return Math.max(1, Math.min(stepMs, this.remaining()));
  }
}
