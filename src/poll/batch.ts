import { Digest } from '../format/digest';
import { StormGroups } from '../format/storm';
import type { FailureRecord } from '../pxgrid/schemas';
import type { FailureSink } from '../pxgrid/session';
import { canonicalId, recordTime } from '../state/cursor';
import { IdTimeSet } from '../state/idset';

/**
 * The records of one poll that were not mailed before: fed to the digest (filters, summary,
 * attachment) and the storm groups one at a time, and remembered (canonical id -> time) so the
 * cursor can be advanced over exactly them after the mail is accepted. A storm brings 100 000 of
 * them, hence the off-heap IdTimeSet and nothing else that grows per record.
 */
export class Batch implements FailureSink {
  digest: Digest;
  groups = new StormGroups();
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  /** `newDigest` sets up filters and the attachment; filtered records still land in `mailed`. */
  constructor(
    private readonly seen: { has(id: string): boolean },
    private readonly newDigest: () => Digest = () => new Digest(),
  ) {
    this.digest = newDigest();
  }

  reset(): void {
    this.digest.close();
    this.digest = this.newDigest();
    this.groups = new StormGroups();
    this.mailed = new IdTimeSet();
    this.alreadyMailed = 0;
  }

  add(record: FailureRecord): void {
    const id = canonicalId(record.id);
    // Before the filters: a filtered record is done with too, and must advance the cursor.
    // The same id twice in one response counts once.
    if (this.seen.has(id) || !this.mailed.add(id, recordTime(record.timestamp))) {
      this.alreadyMailed++;
      return;
    }
    const view = this.digest.add(record);
    if (view) this.groups.add(view);
  }
}
