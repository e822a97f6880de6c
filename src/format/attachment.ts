import { createGzip, type Gzip } from 'node:zlib';
import type { AttachFormat } from '../config/config';
import type { FailureRecord } from '../pxgrid/schemas';
import { clean } from './sanitize';

/**
 * Every mailed record of a batch as a gzipped CSV (or JSON) attachment, built as records arrive:
 * rows go through a gzip stream, so memory holds compressed bytes, never the batch as text.
 */
export interface BuiltAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  rows: number;
}

/** Stable column order: scripts and spreadsheet macros depend on it. Add new columns at the end. */
export const CSV_COLUMNS = [
  'timestamp', 'id', 'userName', 'callingStationId', 'nasName', 'nasIpAddress', 'nasPortId', 'failureReason',
  'messageCode', 'location', 'deviceType', 'identityStore', 'authenticationMethod', 'authenticationProtocol',
  'serverName', 'networkDeviceName', 'auditSessionId', 'ipAddresses', 'selectedAznProfiles', 'policySetName',
  'authorizationRule', 'endpointProfile',
] as const;

/** A cell longer than this is cut: a spreadsheet cell is no place for a 10 MB hostile value. */
export const CSV_CELL_MAX = 1000;
const FLUSH_CHARS = 64 * 1024;

/**
 * One CSV cell: cleaned of control/bidi characters, formula-injection-safe (a leading = + - @ makes
 * Excel/Sheets evaluate it: https://owasp.org/www-community/attacks/CSV_Injection), RFC 4180 quoted.
 */
export function csvCell(value: unknown): string {
  let s = clean(value, CSV_CELL_MAX);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

// JSON keeps values exactly, but bidi/zero-width/separator characters are written as \u escapes
// so a viewer cannot be tricked into showing reordered text.
const JSON_UNSAFE = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const jsonLine = (r: FailureRecord) => JSON.stringify(r).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export class AttachmentBuilder {
  rows = 0;
  readonly #gzip: Gzip = createGzip();
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;
  #pending = '';

  constructor(readonly format: Exclude<AttachFormat, 'none'>) {
    this.#gzip.on('data', (c: Buffer) => this.#chunks.push(c));
    this.#done = new Promise((resolve, reject) => {
      this.#gzip.once('end', () => resolve(Buffer.concat(this.#chunks)));
      this.#gzip.once('error', reject);
    });
    // A discarded builder (close()) must not surface as an unhandled rejection.
    this.#done.catch(() => undefined);
    // The BOM makes Excel read the CSV as UTF-8.
    this.#pending = format === 'csv' ? `\ufeff${csvRow([...CSV_COLUMNS])}` : '[\n';
  }

  add(record: FailureRecord): void {
    if (this.format === 'csv') this.#pending += csvRow(CSV_COLUMNS.map((c) => record[c]));
    else this.#pending += `${this.rows > 0 ? ',\n' : ''}${jsonLine(record)}`;
    this.rows++;
    if (this.#pending.length >= FLUSH_CHARS) this.#flush();
  }

  async finish(): Promise<BuiltAttachment> {
    if (this.format === 'json') this.#pending += '\n]\n';
    this.#flush();
    this.#gzip.end();
    const content = await this.#done;
    const csv = this.format === 'csv';
    return { filename: csv ? 'failures.csv.gz' : 'failures.json.gz', content, contentType: 'application/gzip', rows: this.rows };
  }

  /** Drops everything (a retried fetch starts a new batch). */
  close(): void {
    this.#pending = '';
    this.#gzip.destroy();
  }

  #flush(): void {
    if (this.#pending) this.#gzip.write(this.#pending);
    this.#pending = '';
  }
}

export function createAttachment(format: AttachFormat): AttachmentBuilder | undefined {
  return format === 'none' ? undefined : new AttachmentBuilder(format);
}
