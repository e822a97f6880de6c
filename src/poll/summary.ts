import type { Config } from '../config/config';
import { Exit } from '../core/errors';
import type { Io, Outcome } from '../core/outcome';
import { attachmentFilename } from '../format/attachment';
import type { OutgoingMail } from '../mail/transport';

/** Notes that make a successful run's summary WARN instead of OK. */
export function runNotes(cfg: Config, invalid: number): string[] {
  const notes: string[] = [];
  if (cfg.ise.insecure) notes.push('ISE_INSECURE=1: TLS to ISE is NOT verified');
  if (invalid > 0) notes.push(`${invalid} record(s) without id or timestamp skipped`);
  return notes;
}

export function outcome(notes: string[], message: string, data?: Record<string, unknown>): Outcome {
  const status = notes.length ? 'WARN' : 'OK';
  return { exitCode: Exit.ok, status, message: notes.length ? `${message}; ${notes.join('; ')}` : message, data };
}

/** --dry-run: the headers that matter and the text part, as the recipients would read them. */
export function printMessage(io: Io, cfg: Config, mail: OutgoingMail): void {
  io.out(`From: ${cfg.mail.from}`);
  io.out(`To: ${cfg.mail.dest.join(', ')}`);
  io.out(`Subject: ${mail.subject}`);
  io.out('');
  for (const line of mail.text.replace(/\n$/, '').split('\n')) io.out(line);
  io.out('');
  if (cfg.mail.attach !== 'none')
    io.out(
      `(The real mail also attaches ${attachmentFilename(cfg.mail.attach)} with every failure; --dry-run does not build it.)`,
    );
}
