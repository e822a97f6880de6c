import type { Leftover } from '../core/interrupt';
import type { Rollup } from '../rollup/rollup';
import type { Compose } from '../sizecap/fit';
import type { Cursor } from '../state/cursor';
import type { Splittable } from '../withhold/split';
import type { PollFacts } from './fetch';
import type { PollResult } from './result';

/** One fetch and the notes its run has gathered so far (they make the summary WARN). */
export interface Fetched extends PollFacts {
  notes: string[];
}

/** How a poll records a mail the server accepted, and what becomes of its failures otherwise. */
export interface Recording {
  /** Moves the cursor or empties the spool; none in a --since backfill, which leaves the cursor alone. */
  save?: () => void;
  /** What a failed save leaves undone (`the cursor was not saved`), and so mailed again (`these failures`). */
  notDone: string;
  repeats: string;
  /** What a stop asked during the send leaves of the failures, as the run's ERROR line says. */
  left: Leftover;
  /** What recording the delivery did, for the ERROR line of a stop that waited for it. */
  moved: string;
}

/** The mail that is due: how to compose it for a size budget, how to split it, how to record it. */
export interface Letter {
  rollup: Rollup;
  compose: Compose;
  split: Splittable;
  recording: Recording;
  /** A --since backfill: a refused mail says to run it again. */
  backfill: boolean;
  /**
   * What the summary of this mail says beyond its counts (digest wording, attachment rows), and
   * whether the mail carries the health watcher's RECOVERED note (true once it is delivered).
   */
  result: Pick<PollResult, 'digest' | 'backfill' | 'recovered'> & { rows?: boolean };
}

/**
 * Where a poll's failures wait until a mail holds them: the one seam of the pipeline (poll.ts).
 * Directly in this run's mail (outbox-direct.ts), or in the digest spool (outbox-spool.ts: digest
 * mode, mutes active, failures pending). The two differ in where the batch is kept and when a
 * mail is due; fetching, sending and recording the delivery are the pipeline's.
 */
export interface Outbox {
  /** Where the fetch starts. */
  readonly cursor: Cursor;
  /** Notes about the outbox found before the fetch (a spool's clock set right). */
  readonly notes: string[];
  /** The rollup a (re)started batch feeds. */
  rollup(): Rollup;
  /** The fetch failed: nothing of this run stays behind. */
  abandon(): void;
  /** --dry-run: prints what would go out; nothing is kept. */
  preview(run: Fetched): PollResult;
  /** Keeps the batch where failures wait: the result when no mail is due now, undefined when one is. */
  hold(run: Fetched): PollResult | undefined;
  /** A mail was due but fetching used up RUN_DEADLINE: the result, or the error to end with. */
  late(run: Fetched): PollResult;
  /** The mail that is due. */
  letter(run: Fetched): Letter;
  /** What the run set aside and did not commit goes (a file written aside, an unfinished segment). */
  close(): void;
}
