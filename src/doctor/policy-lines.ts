import { Exit } from '../core/errors';
import { plural } from '../core/plural';
import { timeFormat } from '../format/time';
import { loadMutes } from '../mutes/store';
import { describeSchedule } from '../spool/schedule';
import { Spool } from '../spool/spool';
import type { DoctorContext, DoctorReport } from './report';

/**
 * The alert policy (README "alert policy") as `info` lines: the digest schedule, what the spool
 * holds and when it goes out, the active mutes. Read-only; only an unreadable spool or mute file
 * is a FAIL. In each-run mode with nothing spooled or muted it prints nothing.
 */
export function policyLines(ctx: DoctorContext, report: DoctorReport): void {
  const { cfg, sys } = ctx;
  const info = (name: string, detail: string) => report.add({ name, status: 'info', detail, exitCode: Exit.ok });
  const fail = (name: string, err: unknown) => report.fail(name, err, Exit.usage);
  const fmt = timeFormat(cfg.mail.timezone);
  const digest = cfg.alert.mode === 'digest';
  if (digest)
    info(
      'alert policy',
      `ALERT_MODE=digest, ${describeSchedule(cfg.alert.schedule, cfg.mail.timezone)}: routine failures arrive ` +
        'in one digest per period, incidents at once (run --flush sends the pending digest now)',
    );
  try {
    const spool = Spool.open(cfg.stateDir, false);
    const held = spool.total + spool.muted;
    if (held === 0 && digest) info('digest', 'nothing pending');
    else if (held > 0) {
      const at = spool.dueAt(cfg.alert.schedule, cfg.mail.timezone);
      const when = !digest
        ? 'goes out with the next mail'
        : at === undefined
          ? 'waits for a failure for the mail body'
          : `goes out with the first run at or after ${fmt(at)} (run --flush sends it now)`;
      const since = spool.openedAt === undefined ? '' : ` since ${fmt(spool.openedAt)}`;
      const muted = spool.muted ? `, ${spool.muted} muted` : '';
      info(
        'digest',
        `${plural(spool.total, 'failure')} pending${since}${muted}; ${when}; ${spool.bytes} bytes of records kept`,
      );
    }
  } catch (err) {
    fail('digest spool', err);
  }
  try {
    const mutes = loadMutes(cfg.stateDir, sys.now());
    const list = mutes.active.map((m) => `${m.kind}:${m.value} until ${fmt(m.until)}`).join('; ');
    if (mutes.active.length) info('mutes', `${plural(mutes.active.length, 'active mute')}: ${list} (run.js mutes)`);
  } catch (err) {
    fail('mutes', err);
  }
}
