import { GzipCsvWriter, csvRow } from '../format/attachment';
import { Digest } from '../format/digest';
import { StormGroups } from '../format/storm';
import type { FailureSink } from '../pxgrid/session';
import type { FailureRecord } from '../pxgrid/schemas';
import { canonicalId, recordTime } from '../state/cursor';
import { IdTimeSet } from '../state/idset';

/**
 * The records of one poll that were not mailed before: fed to the digest, the storm groups and
 * the CSV attachment one at a time, and remembered (canonical id -> time) so the cursor can be
 * advanced over exactly them after the mail is accepted. A storm brings 100 000 of them, hence the
 * off-heap IdTimeSet and nothing else that grows per record.
 */
export class Batch implements FailureSink {
  digest = new Digest();
  groups = new StormGroups();
  attachment: GzipCsvWriter;
  mailed = new IdTimeSet();
  /** Records dropped because an earlier run already mailed them (overlap window). */
  alreadyMailed = 0;

  /** `attachmentBudget`: the most compressed bytes the CSV attachment may take. */
  constructor(
    private readonly seen: { has(id: string): boolean },
    private readonly attachmentBudget = Number.POSITIVE_INFINITY,
  ) {
    this.attachment = new GzipCsvWriter(attachmentBudget);
  }

  reset(): void {
    this.digest = new Digest();
    this.groups = new StormGroups();
    this.attachment = new GzipCsvWriter(this.attachmentBudget);
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
    const view = this.digest.add(record);
    this.groups.add(view);
    this.attachment.add(csvRow(record.id, view));
  }
}
