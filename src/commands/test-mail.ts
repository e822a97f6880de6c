import type { Config } from '../config/config';
import { requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
import { Exit } from '../core/errors';
import type { Outcome, System } from '../core/outcome';
import { plural } from '../core/plural';
import { composeMail } from '../mail/message';
import { sampleFailures } from '../render/sample';
import { Rollup } from '../rollup/rollup';
import { sendAsIs } from '../sizecap/fit';

/** Sends one sample alert, clearly marked as a test, through the configured SMTP server. */
export async function testMail(cfg: Config, sys: System): Promise<Outcome> {
  requireSettings(cfg, ['mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // No filters: the test must show what a real alert looks like, whatever is excluded.
  const digest = new Rollup({ attach: cfg.mail.attach });
  for (const r of sampleFailures(sys.now())) digest.add(r);
  const sent = await sendAsIs(cfg, deadline, composeMail(cfg, digest, { now: sys.now(), test: true }));
  const n = cfg.mail.dest.length - sent.rejected.length;
  const message = `test mail sent to ${plural(n, 'recipient')}`;
  if (sent.rejected.length === 0) return { exitCode: Exit.ok, status: 'OK', message };
  return {
    exitCode: Exit.ok,
    status: 'WARN',
    message: `${message}; the mail server refused ${sent.rejected.join(', ')}: check MAIL_DEST`,
  };
}
