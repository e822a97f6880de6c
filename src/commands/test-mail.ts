import { requireSettings, type Config } from '../config/config';
import { Deadline } from '../deadline';
import { Exit } from '../errors';
import { Digest } from '../format/digest';
import { sampleFailures } from '../format/sample';
import { composeMail } from '../mail/compose';
import { sendMail } from '../mail/transport';
import type { Outcome, System } from '../outcome';

/** Sends one sample alert, clearly marked as a test, through the configured SMTP server. */
export async function testMail(cfg: Config, sys: System): Promise<Outcome> {
  requireSettings(cfg, ['mail']);
  const deadline = new Deadline(cfg.deadlineMs, sys.now);
  // No filters: the test must show what a real alert looks like, whatever is excluded.
  const digest = new Digest({ attach: cfg.mail.attach });
  for (const r of sampleFailures(sys.now())) digest.add(r);
  const mail = await composeMail(cfg, digest, { now: sys.now(), test: true });
  await sendMail(cfg, deadline, mail);
  const n = cfg.mail.dest.length;
  return { exitCode: Exit.ok, status: 'OK', message: `test mail sent to ${n} recipient${n === 1 ? '' : 's'}` };
}
