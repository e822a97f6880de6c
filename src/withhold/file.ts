import { readFileSync, renameSync } from 'node:fs';
import { errCode } from '../core/errcode';
import { stateError } from '../core/errors';
import type { FailureRecord } from '../pxgrid/schemas';
import { stateWriteError, writeFileAtomic } from '../state/atomic';
import { stateFile } from '../state/files';

/**
 * STATE_DIR/withheld.json: the values of the failures the mail server refused to carry, so that
 * nothing is lost: the mail shows each one as `withheld #N` and names this file; read it on the
 * device (`more flash:guest-share/...` or `cat` in Guestshell). Written like every state file
 * (temp file, fsync, rename, 0600) once the server accepted the mail that names it; if that write
 * fails the run fails (exit 2) before the cursor moves, so the records are fetched and mailed again.
 *
 * Bounded: the newest MAX_ENTRIES entries and at most MAX_BYTES of JSON; older entries are dropped
 * (`dropped` counts them). A corrupt file is renamed aside (`withheld.json.corrupt-<ms>`) and a new
 * one started: it must never stop the alerts it exists for, nor be overwritten silently.
 */
export const MAX_ENTRIES = 1_000;
/**
 * Read with `cat` on a terminal: JSON escapes C0 controls but not DEL, C1 controls (U+009B is a CSI)
 * or bidi and separator characters; they are written as \u escapes too (still the same JSON).
 */
const UNSAFE = /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
const MAX_BYTES = 1024 * 1024;

export interface WithheldEntry {
  ref: number;
  /** When the server refused it (ISO). */
  at: string;
  /** What the server answered, cleaned. */
  server: string;
  record: FailureRecord;
}

interface WithheldFile {
  version: 1;
  dropped: number;
  entries: WithheldEntry[];
}

function read(file: string, now: number): WithheldFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return { version: 1, dropped: 0, entries: [] };
    throw stateError(`cannot read state file ${file} (${errCode(err, 'error')}): check STATE_DIR permissions`);
  }
  const v = parseJson(text) as Partial<WithheldFile> | undefined;
  if (v && Array.isArray(v.entries) && typeof v.dropped === 'number')
    return { version: 1, dropped: v.dropped, entries: v.entries };
  // Never overwritten silently, never a reason to stop the alerts: kept aside, a new one started.
  try {
    renameSync(file, `${file}.corrupt-${now}`);
  } catch (err) {
    throw stateWriteError(file, err);
  }
  return { version: 1, dropped: 0, entries: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The file and the reference numbers the next `records.length` entries get: the withheld mail names
 * them; `save` writes them once the server accepted that mail (a refused one leaves no entry).
 */
export function planWithheld(stateDir: string, count: number, now: number) {
  const file = stateFile.withheld(stateDir);
  const f = read(file, now);
  const first = f.entries.reduce((a, e) => Math.max(a, Number(e.ref) || 0), 0) + 1;
  const refs = Array.from({ length: count }, (_, i) => first + i);
  const save = (records: FailureRecord[], server: string, now: number) => {
    const at = new Date(now).toISOString();
    f.entries.push(...records.map((record, i) => ({ ref: refs[i]!, at, server, record })));
    while (f.entries.length > MAX_ENTRIES) drop(f);
    // Oldest first out, by each entry's own size (one pass, not one JSON.stringify per dropped entry).
    const sizes = f.entries.map((e) => Buffer.byteLength(JSON.stringify(e)));
    let bytes = sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; bytes > MAX_BYTES && f.entries.length > records.length; i++) {
      bytes -= sizes[i]!;
      drop(f);
    }
    const text = JSON.stringify(f, null, 1);
    try {
      writeFileAtomic(file, `${text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
    } catch (err) {
      throw stateWriteError(file, err);
    }
  };
  return { file, refs, save };
}

function drop(f: WithheldFile): void {
  f.entries.shift();
  f.dropped++;
}
