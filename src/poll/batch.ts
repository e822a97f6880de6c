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
export interface RecordObserver {
  observe(record: FailureRecord): void;
}

export class Batch implements FailureSink {
  digest: Digest;
  groups = new StormGroups();
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  /** The incident rules, when on (poll-incidents.ts). */
  incidents: RecordObserver | undefined;

  /** `newDigest` sets up filters and the attachment; filtered records still land in `mailed`. */
  constructor(
    private readonly seen: { has(id: string): boolean },
    private readonly newDigest: () => Digest = () => new Digest(),
    private readonly newIncidents: () => RecordObserver | undefined = () => undefined,
  ) {
    this.digest = newDigest();
    this.incidents = newIncidents();
  }

  reset(): void {
    this.digest.close();
    this.digest = this.newDigest();
    this.groups = new StormGroups();
    this.mailed = new IdTimeSet();
    this.alreadyMailed = 0;
    this.incidents = this.newIncidents();
  }

  add(record: FailureRecord): void {
    const id = canonicalId(record.id);
    // Before the filters: a filtered record is done with too, and must advance the cursor.
    // The same id twice in one response counts once.
    if (this.seen.has(id) || !this.mailed.add(id, recordTime(record.timestamp))) {
      this.alreadyMailed++;
      return;
    }
    this.deliver(record);
  }

  /**
   * Where each new record goes, once: into the digest, which is this run's mail
   * (ALERT_MODE=each-run, poll.ts) or the digest spool's counts and rows (digest mode, muted
   * failures waiting: digest-poll.ts); the digest applies filters and mutes. The incident rules
   * see what the mail body shows: a filtered or muted failure is no evidence.
   */
  deliver(record: FailureRecord): void {
    const view = this.digest.add(record);
    if (!view) return;
    this.groups.add(view);
    this.incidents?.observe(record);
  }
}
