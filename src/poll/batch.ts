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
/** Records after which a batch counts as large (see System.tune). */
const LARGE = 1_500;

export class Batch implements FailureSink {
  digest: Digest;
  groups = new StormGroups();
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;
  #received = 0;
  /** A record not mailed before has arrived (the overlap window alone brings only old ones). */
  #fresh = false;

  /** `newDigest` sets up filters and the attachment; filtered records still land in `mailed`. */
  constructor(
    private readonly seen: { has(id: string): boolean },
    private readonly newDigest: () => Digest = () => new Digest(),
    /** Told when the first new record arrives and when the batch reaches LARGE records. */
    private readonly tune?: (phase: 'records' | 'large') => void,
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
    if (++this.#received === LARGE) this.tune?.('large');
    const id = canonicalId(record.id);
    const time = recordTime(record.timestamp);
    // Before the filters: a filtered record is done with too, and must advance the cursor.
    // The same id twice in one response counts once.
    if (this.seen.has(id) || !this.mailed.add(id, time)) {
      this.alreadyMailed++;
      return;
    }
    if (!this.#fresh) {
      this.#fresh = true;
      this.tune?.('records');
    }
    const view = this.digest.add(record, time);
    if (view) this.groups.add(view);
  }
}
