// Reading what the fake SMTP server received: raw header lines, the gunzipped attachment, CSV.
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { ReceivedMessage } from '../fake/smtp';

/** The raw header block of a received message, unfolded, one header per line. */
export function rawHeaders(m: ReceivedMessage): string[] {
  const text = m.raw.toString('latin1');
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  return head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}

export function headerNames(m: ReceivedMessage): string[] {
  return rawHeaders(m).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
}

export function attachmentText(m: ReceivedMessage, filename: string): string {
  const a = m.parsed.attachments.find((x) => x.filename === filename);
  expect(a, `attachment ${filename}`).toBeDefined();
  return gunzipSync(a!.content).toString('utf8');
}

/** A strict RFC 4180 parser (CRLF rows, "" escapes), written here so the test does not trust our writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`bad CSV at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}
