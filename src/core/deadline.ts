/**
 * The run's time budget and its clock (the injected `System.now`, never the wall clock directly). EEM kills a policy
 * at its `maxrun`; every network step takes its timeout
 * from here so a slow ISE or mail server ends the run cleanly, cursor untouched, before that.
 */
export class Deadline {
  readonly #end: number;

  constructor(
    budgetMs: number,
    private readonly clock: () => number,
  ) {
    this.#end = clock() + budgetMs;
  }

  /** The run's clock: what mail headers and state records call "now". */
  now(): number {
    return this.clock();
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
