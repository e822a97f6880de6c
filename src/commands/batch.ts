import { Digest } from '../format/digest';
import type { FailureSink } from '../pxgrid/session';
import type { FailureRecord } from '../pxgrid/schemas';
import { canonicalId, recordTime } from '../state/cursor';

/**
 * The records of one poll that were not mailed before: fed to the digest, and remembered
 * (canonical id -> time) so the cursor can be advanced over exactly them after the mail is accepted.
 */
export class Batch implements FailureSink {
  digest = new Digest();
  mailed = new Map<string, number | undefined>();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  constructor(private readonly seen: ReadonlyMap<string, number>) {}

  reset(): void {
    this.digest = new Digest();
    this.mailed = new Map();
    this.alreadyMailed = 0;
  }

  add(record: FailureRecord): void {
    const id = canonicalId(record.id);
    // The same id twice in one response counts once.
    if (this.seen.has(id) || this.mailed.has(id)) {
      this.alreadyMailed++;
      return;
    }
    this.mailed.set(id, recordTime(record.timestamp));
    this.digest.add(record);
  }
}
