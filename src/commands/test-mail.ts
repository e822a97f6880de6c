import { requireSettings, type Config } from '../config/config';
import { Deadline } from '../deadline';
import { Exit } from '../errors';
import { Digest } from '../format/digest';
import { render } from '../format/render';
import { sampleFailure } from '../format/sample';
import { sendMail } from '../mail/transport';
import type { Outcome, System } from '../outcome';

/** Sends one sample alert, clearly marked as a test, through the configured SMTP server. */
export async function testMail(cfg: Config, sys: System): Promise<Outcome> {
  requireSettings(cfg, ['mail']);
  const digest = new Digest();
  digest.add(sampleFailure(sys.now()));
  const mail = render(digest, { subjectPrefix: '[ISE] [TEST]', maxRows: 50 });
  const note = 'THIS IS A TEST MAIL from ise-to-mail test-mail: the failure below is a sample, not from your ISE.\n\n';
  await sendMail(cfg, new Deadline(cfg.deadlineMs, sys.now), {
    ...mail,
    text: note + mail.text,
    html: mail.html.replace('<body style="font-family:Arial,sans-serif">', `$&<p style="color:#b00"><b>${note.trim()}</b></p>`),
  });
  const n = cfg.mail.dest.length;
  return { exitCode: Exit.ok, status: 'OK', message: `test mail sent to ${n} recipient${n === 1 ? '' : 's'}` };
}
