import type { Config } from '../config/config';
import { errCode } from '../core/errcode';
import type { AtomicFile } from '../state/atomic';
import { type Cursor, prepareCursor, saveCursor } from '../state/cursor';

/**
 * Each-run mode's next cursor, written aside and made durable before the mail goes (then renamed
 * into place once the server accepts it). When it cannot be written (a full or read-only
 * STATE_DIR) the mail says so in its subject and body: every run mails the same failures again
 * until the cursor can move, and each of those mails says why.
 */
export class CursorAside {
  readonly #file: AtomicFile | undefined;
  /** The system error code that kept the cursor from being written, e.g. ENOSPC. */
  readonly unsaved: string | undefined;

  constructor(
    private readonly cfg: Config,
    private readonly next: Cursor,
  ) {
    try {
      this.#file = prepareCursor(cfg.stateDir, next);
    } catch (err) {
      this.unsaved = errCode(err, 'error');
    }
  }

  /** Puts the cursor in place (retries the whole write when it could not be prepared). */
  commit(): void {
    if (this.#file) this.#file.commit();
    else saveCursor(this.cfg.stateDir, this.next);
  }

  /** Removes the file written aside; nothing once committed. */
  abort(): void {
    this.#file?.abort();
  }

  /** The subject's prefix: the configured one, marked while the cursor cannot be saved. */
  subjectPrefix(): string {
    const prefix = this.cfg.mail.subjectPrefix;
    return this.unsaved ? `${prefix} cursor not saved, sent again next run:` : prefix;
  }

  /** The note on top of the mail body, or none. */
  notes(): string[] {
    if (!this.unsaved) return [];
    return [
      `The cursor could not be saved (${this.unsaved}): STATE_DIR is full or read-only. Until it can be written, ` +
        'these failures are mailed again by every run, with any newer ones. Free space in STATE_DIR ' +
        '(IOS: dir bootflash:).',
    ];
  }
}
