import { CSV_COLUMNS } from '../attachment/attachment';
import type { FailureRecord } from '../pxgrid/schemas';

/**
 * The records of one mail, kept so that a mail the server refuses for its content can be split
 * (split.ts). A batch larger than MAX_KEPT is not kept: it cannot be split, and its refusal is
 * reported as it is (exit 5, then a PROBLEM mail), as before. 10 000 records of ~1-2 KB stay well
 * inside the 96 MB heap the EEM applet gives a run; a storm's 100 000 would not.
 */
export const MAX_KEPT = 10_000;

export class RecordKeeper {
  #records: FailureRecord[] = [];
  #over = false;

  add(record: FailureRecord): void {
    if (this.#over) return;
    if (this.#records.length >= MAX_KEPT) {
      this.#over = true;
      this.#records = [];
      return;
    }
    this.#records.push(record);
  }

  /** A fetch retried from the start (Batch.reset). */
  reset(): void {
    this.#records = [];
    this.#over = false;
  }

  /** Every record of the mail, or undefined when there were too many to keep. */
  get records(): FailureRecord[] | undefined {
    return this.#over ? undefined : this.#records;
  }
}

/**
 * The fields a withheld record keeps: what ISE itself writes (time, reason and its code, the
 * network device as configured on ISE). Every value a supplicant or an endpoint chooses (user
 * name, MAC, identity store path, profile...) is left out: those are what a content filter refuses.
 */
const KEPT_FIELDS = ['timestamp', 'messageCode', 'failureReason', 'nasName', 'nasIpAddress', 'serverName'] as const;

/** The mail's stand-in for a refused record: `userName` points at its entry in the withheld-values file. */
export function withheldCopy(record: FailureRecord, ref: number): FailureRecord {
  const copy: Record<string, unknown> = {};
  for (const f of KEPT_FIELDS) if (record[f] !== undefined) copy[f] = record[f];
  return { ...copy, id: `withheld-${ref}`, timestamp: record.timestamp, userName: `withheld #${ref}` };
}

/** A record read back from a CSV row of the digest spool (the attachment's columns, cleaned). */
export function recordFromCsv(cells: string[]): FailureRecord | undefined {
  if (cells.length !== CSV_COLUMNS.length) return undefined;
  const record: Record<string, unknown> = {};
  CSV_COLUMNS.forEach((c, i) => {
    if (cells[i] !== '') record[c] = cells[i];
  });
  return typeof record.id === 'string' && typeof record.timestamp === 'string' ? (record as FailureRecord) : undefined;
}
