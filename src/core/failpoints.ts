import { basename } from 'node:path';

/**
 * TEST ONLY: faults the tests inject into the real code paths. Unset in normal use, where every
 * check here is a no-op. src/main.ts reads them from ISE_TO_MAIL_TEST_* variables, in-process tests
 * set them directly; nothing else may.
 *
 * ISE_TO_MAIL_TEST_STATE_FAULT=<CODE>[:<file>,<file>...]: every write into STATE_DIR (or only to the
 * files named, e.g. `ENOSPC:incidents.json`) fails with that system error code, as a full (ENOSPC)
 * or read-only (EROFS) flash does. Reads still work, as they do on such a flash.
 */
interface StateFault {
  code: string;
  names?: string[];
}

let stateFault: StateFault | undefined;

/** `ENOSPC`, `EROFS:cursor.json,health.json`, or undefined/empty to clear. */
export function setStateFault(spec: string | undefined): void {
  if (!spec) {
    stateFault = undefined;
    return;
  }
  const [code, names] = spec.split(':');
  stateFault = { code: code!, names: names ? names.split(',') : undefined };
}

/** Throws the injected system error when a write to `file` (the file a temp file is for) must fail. */
export function checkStateWrite(file: string): void {
  if (!stateFault) return;
  if (stateFault.names && !stateFault.names.includes(basename(file))) return;
  const { code } = stateFault;
  throw Object.assign(new Error(`${code}: injected by ISE_TO_MAIL_TEST_STATE_FAULT, write '${file}'`), {
    code,
    syscall: 'write',
    path: file,
  });
}
