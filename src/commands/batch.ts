import { Digest } from '../format/digest';
import type { FailureSink } from '../pxgrid/session';
import type { FailureRecord } from '../pxgrid/schemas';
import { canonicalId, recordTime } from '../state/cursor';
import { IdTimeSet } from '../state/idset';

/**
 * The records of one poll that were not mailed before: fed to the digest, and remembered
 * (canonical id -> time) so the cursor can be advanced over exactly them after the mail is accepted.
 * A storm brings 100 000 of them, hence the off-heap IdTimeSet.
 */
export class Batch implements FailureSink {
  digest = new Digest();
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  constructor(private readonly seen: ReadonlyMap<string, number>) {}

  reset(): void {
    this.digest = new Digest();
    this.mailed = new IdTimeSet();
    this.alreadyMailed = 0;
  }

  add(record: FailureRecord): void {
    const id = canonicalId(record.id);
    // The same id twice in one response counts once.
    if (this.seen.has(id) || !this.mailed.add(id, recordTime(record.timestamp))) {
      this.alreadyMailed++;
      return;
    }
    this.digest.add(record);
  }
}
