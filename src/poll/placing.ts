import { plural } from '../core/plural';
import { printable } from '../core/printable';
import type { Unplaced } from '../core/times';

const WHY: Record<Unplaced, string> = {
  'no-zone': 'without a time zone',
  implausible: 'outside the years 2000-2100',
  unreadable: 'that is no time',
  missing: 'without a timestamp',
};

/**
 * The new records of a poll that could not be placed: without an id (mailed under a content id,
 * schemas.ts) or with a time that says no instant (times.ts, unplaced). They are mailed all the
 * same; this says so, in the summary and on top of the mail, with an example of each kind.
 */
export class Placing {
  noId = 0;
  untimed = 0;
  readonly #examples = new Map<Unplaced, { n: number; example: string }>();

  unplaced(why: Unplaced, timestamp: unknown): void {
    this.untimed++;
    const seen = this.#examples.get(why);
    if (seen) seen.n++;
    else this.#examples.set(why, { n: 1, example: printable(String(timestamp)).slice(0, 40) });
  }

  /** Notes for the summary line. */
  summary(): string[] {
    const notes: string[] = [];
    if (this.noId > 0)
      notes.push(
        `${plural(this.noId, 'record')} without an id (mailed under ${this.noId === 1 ? 'an id' : 'ids'} ` +
          `made from ${this.noId === 1 ? 'its' : 'their'} content)`,
      );
    if (this.untimed > 0)
      notes.push(`${plural(this.untimed, 'record')} whose time cannot be placed (mailed without a time)`);
    return notes;
  }

  /** Paragraphs on top of the mail. */
  mail(): string[] {
    const notes: string[] = [];
    if (this.noId > 0)
      notes.push(
        `ISE sent ${plural(this.noId, 'failure')} without an id: mailed under an id made from the record's ` +
          'content (content-...), so a record ISE serves again is not mailed twice.',
      );
    if (this.untimed > 0) {
      const kinds = [...this.#examples].map(([why, { n, example }]) =>
        why === 'missing' ? `${n} ${WHY[why]}` : `${n} ${WHY[why]} (e.g. ${example})`,
      );
      notes.push(
        `${plural(this.untimed, 'failure')} in this mail carry a time that cannot be placed: ${kinds.join(', ')}. ` +
          'They are mailed without a time in the tables (the attachment holds the timestamp as ISE sent it) ' +
          'and do not move the cursor. Check the time settings of the ISE node that logged them.',
      );
    }
    return notes;
  }
}
