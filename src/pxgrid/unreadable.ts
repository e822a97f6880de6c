import { plural } from '../core/plural';
import { printable } from '../core/printable';
import { MAX_DEPTH } from './jsonlimits';

/** How many records nested too deep are named one by one; the rest are counted. */
const MAX_NAMED = 3;
const ID_IN_HEAD = /"id"\s*:\s*"?([^",}\s]{1,40})/;

/**
 * The values of one getFailures answer that cannot be read as records: values that are no JSON
 * object (a number, a string, null, an array), and records nested deeper than MAX_DEPTH levels,
 * skipped one by one (the rest of the answer is read) and named by their id, or their first bytes.
 * None of them can be mailed: the summary and the mail say so, and the health watcher counts the
 * run as failed, so an ISE whose answers cannot be read raises a PROBLEM mail.
 */
export class Unreadable {
  notObject = 0;
  deep = 0;
  readonly deepNames: string[] = [];

  get total(): number {
    return this.notObject + this.deep;
  }

  tooDeep(head: Buffer): void {
    this.deep++;
    if (this.deepNames.length >= MAX_NAMED) return;
    const text = head.toString('utf8');
    const id = ID_IN_HEAD.exec(text)?.[1];
    this.deepNames.push(id ? `id ${printable(id)}` : `beginning ${printable(text.slice(0, 40))}`);
  }

  /** `2 records unreadable (not a JSON object; nested deeper than 10000 levels, id 17)`, or undefined. */
  summary(): string | undefined {
    if (this.total === 0) return undefined;
    return `${plural(this.total, 'record')} unreadable (${this.#why().join('; ')})`;
  }

  /** The paragraph the mail leads with, or undefined. */
  mailNote(): string | undefined {
    if (this.total === 0) return undefined;
    return (
      `ISE's answer held values that could not be read: ${this.#why(true).join('; ')}. They are not in ` +
      'this mail. If this repeats, check the ISE version and the MnT node (Operations > Reports).'
    );
  }

  #why(mail = false): string[] {
    const why: string[] = [];
    const n = this.notObject;
    if (n > 0)
      why.push(mail ? `${plural(n, 'value')} that ${n === 1 ? 'is' : 'are'} no JSON object` : 'not a JSON object');
    if (this.deep > 0) {
      const more = this.deep > this.deepNames.length ? `, ${this.deep - this.deepNames.length} more` : '';
      const names = `${this.deepNames.join(', ')}${more}`;
      const deeper = `nested deeper than ${MAX_DEPTH} levels`;
      why.push(mail ? `${plural(this.deep, 'record')} ${deeper} (${names})` : `${deeper}, ${names}`);
    }
    return why;
  }
}
