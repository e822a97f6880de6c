import { Digest } from '../format/digest';
import type { FailureSink } from '../pxgrid/session';
import type { FailureRecord } from '../pxgrid/schemas';
import { canonicalId, recordTime } from '../state/cursor';

/**
 * The records of one poll that were not mailed before: fed to the digest, and remembered
 * (canonical id -> time) so the cursor can be advanced over exactly them after the mail is accepted.
 */
export class Batch implements FailureSink {
  digest: Digest;
  mailed = new Map<string, number | undefined>();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  /** `newDigest` sets up filters and the attachment; filtered records still land in `mailed`. */
  constructor(
    private readonly seen: ReadonlyMap<string, number>,
    private readonly newDigest: () => Digest = () => new Digest(),
  ) {
    this.digest = newDigest();
  }

  reset(): void {
    this.digest.close();
    this.digest = this.newDigest();
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
    // Before the filters: a filtered record is done with too, and must advance the cursor.
    this.mailed.set(id, recordTime(record.timestamp));
    this.digest.add(record);
  }
}
