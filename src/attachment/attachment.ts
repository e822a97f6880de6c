import type { Readable } from 'node:stream';
import type { AttachFormat } from '../config/config';
import { clean, jsonText, SUSPECT_CLASS, textOf } from '../core/sanitize';
import type { FailureRecord } from '../pxgrid/schemas';
import { GzipBlocks } from './gzblocks';

/**
 * Every mailed record of a batch as a gzipped CSV (or JSON) attachment, built as records arrive:
 * rows are compressed in blocks (gzblocks.ts), so memory holds compressed bytes, never the batch
 * as text, and the attachment can be cut to the mail size cap after the fact.
 */

/** Stable column order: scripts and spreadsheet macros depend on it. Add new columns at the end. */
export const CSV_COLUMNS = [
  'timestamp',
  'id',
  'userName',
  'callingStationId',
  'nasName',
  'nasIpAddress',
  'nasPortId',
  'failureReason',
  'messageCode',
  'location',
  'deviceType',
  'identityStore',
  'authenticationMethod',
  'authenticationProtocol',
  'serverName',
  'networkDeviceName',
  'auditSessionId',
  'ipAddresses',
  'selectedAznProfiles',
  'policySetName',
  'authorizationRule',
  'endpointProfile',
] as const;

/** A cell longer than this is cut: a spreadsheet cell is no place for a 10 MB hostile value. */
export const CSV_CELL_MAX = 1000;

/**
 * One CSV cell: cleaned of control/bidi characters, formula-injection-safe (a leading = + - @ makes
 * Excel/Sheets evaluate it: https://owasp.org/www-community/attacks/CSV_Injection), RFC 4180 quoted.
 */
export function csvCell(value: unknown): string {
  let s = clean(value, CSV_CELL_MAX);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  // `;` too: a spreadsheet set to semicolon separators would otherwise split `bob;=1+1` into a formula cell.
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * What keeps a row of cells joined by commas from being final as it is: a character clean()
 * changes, a quote or `;` (csvCell quotes them), a space at a cell's edge, or a formula character
 * starting a cell.
 */
const ROW_SPECIAL = new RegExp(`${SUSPECT_CLASS}|[";]|^[ =+\\-@]| $| ,|,[ =+\\-@]`);
/** Exactly one comma between each two of the 22 cells: no cell holds a comma of its own. */
const ROW_COMMAS = new RegExp(`^[^,]*(?:,[^,]*){${CSV_COLUMNS.length - 1}}$`);

/**
 * csvRow of a record's columns. Most rows need no per-cell work at all: two native regex tests of
 * the joined row tell (a storm has 100 000 rows of 22 cells, and a small poll runs this code before
 * V8 optimizes it, where every JavaScript call is costly). Any other row is built again by csvRow.
 */
export function recordRow(record: FailureRecord): string {
  const texts: string[] = [];
  let long = false;
  for (const column of CSV_COLUMNS) {
    const v = record[column];
    const t = v === undefined || v === null ? '' : textOf(v, CSV_CELL_MAX);
    long ||= t.length > CSV_CELL_MAX;
    texts.push(t);
  }
  const row = texts.join(',');
  return !long && !ROW_SPECIAL.test(row) && ROW_COMMAS.test(row)
    ? `${row}\r\n`
    : csvRow(CSV_COLUMNS.map((c) => record[c]));
}

// JSON keeps values exactly, but bidi/zero-width/separator characters are written as \u escapes
// so a viewer cannot be tricked into showing reordered text.
const JSON_UNSAFE = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const jsonLine = (r: FailureRecord) =>
  jsonText(r).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One record as the attachment writes it: a CSV row with its CRLF, or a JSON object on one line. */
export function attachmentRow(format: Exclude<AttachFormat, 'none'>, record: FailureRecord): string {
  return format === 'csv' ? recordRow(record) : jsonLine(record);
}

/** The attachment's file name for a MAIL_ATTACH format. */
export const attachmentFilename = (format: Exclude<AttachFormat, 'none'>) =>
  format === 'csv' ? 'failures.csv.gz' : 'failures.json.gz';

export class AttachmentBuilder {
  readonly #blocks: GzipBlocks;
  readonly filename: string;
  readonly contentType = 'application/gzip';

  /** `budget`: the most compressed bytes the attachment may take. */
  constructor(
    readonly format: Exclude<AttachFormat, 'none'>,
    budget: number,
  ) {
    const csv = format === 'csv';
    this.filename = attachmentFilename(format);
    // The BOM makes Excel read the CSV as UTF-8. JSON: an array whose closing bracket is its own
    // last block, and a comma before every record but the first, so cutting trailing rows keeps it valid.
    this.#blocks = csv
      ? new GzipBlocks(budget, `\ufeff${csvRow([...CSV_COLUMNS])}`)
      : new GzipBlocks(budget, '[\n', '\n]\n');
  }

  add(record: FailureRecord): void {
    this.addRow(attachmentRow(this.format, record));
  }

  /** Adds a row made by attachmentRow (the digest spool keeps rows, not records). */
  addRow(row: string): void {
    if (this.format === 'csv') this.#blocks.add(row);
    else this.#blocks.add(`${this.#blocks.lines > 0 ? ',\n' : ''}${row}`);
  }

  /** Rows in the attachment; `omitted` rows were left out to respect the size cap. */
  get rows(): number {
    return this.#blocks.rows;
  }

  get omitted(): number {
    return this.#blocks.omitted;
  }

  /** Appends a gzip member of `rows` CSV rows made by attachmentRow (the digest spool's), as it is. */
  adoptCsv(bytes: Buffer, rows: number): void {
    this.#blocks.adopt(bytes, rows, splitCsvRows);
  }

  /** Counts `n` records the attachment never received (beyond the digest spool's budget). */
  omit(n: number): void {
    this.#blocks.omit(n);
  }

  /** Compressed size. */
  get bytes(): number {
    return this.#blocks.bytes;
  }

  /** Compresses what is pending; call once after the last record. */
  finish(): void {
    this.#blocks.finish();
  }

  /** Drops whole trailing blocks until the attachment fits `budget` (a smaller server limit). */
  trimTo(budget: number): void {
    this.#blocks.trimTo(budget);
  }

  /** The .gz bytes as a new stream on each call, never copied into one buffer. */
  stream(): Readable {
    return this.#blocks.stream();
  }

  content(): Buffer {
    return this.#blocks.content();
  }

  /** Drops everything (a retried fetch starts a new batch). */
  close(): void {
    this.#blocks.clear();
  }
}

export function createAttachment(format: AttachFormat, budget: number): AttachmentBuilder | undefined {
  return format === 'none' ? undefined : new AttachmentBuilder(format, budget);
}

/** CSV rows end in CRLF and hold no other line break (cells are cleaned of control characters). */
export function splitCsvRows(text: string): string[] {
  const rows = text.split('\n');
  rows.pop();
  return rows.map((r) => `${r}\n`);
}
