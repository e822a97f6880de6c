import { Exit } from '../core/errors';
import { plural } from '../core/plural';
import { loadMutes } from '../mutes/store';
import { matchesEverything, type Target } from '../mutes/target';
import { ignoredText } from '../mutes/words';
import { timeFormat } from '../render/time';
import { describeSchedule } from '../spool/schedule';
import { Spool } from '../spool/spool';
import { incidentLine } from './incident-line';
import type { DoctorContext, DoctorReport } from './report';

/**
 * The alert policy (docs/alert-policy.md) as `info` lines: the digest schedule, whether incidents
 * are on, what the spool holds and when it goes out, the active mutes. Read-only; only an
 * unreadable spool, incident or mute file is a FAIL.
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
  incidentLine(ctx, report, fmt);
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
    const all = (m: Target) => (matchesEverything(m) ? ' (matches every failure)' : '');
    const list = mutes.active.map((m) => `${m.kind}:${m.value} until ${fmt(m.until)}${all(m)}`).join('; ');
    if (mutes.active.length) info('mutes', `${plural(mutes.active.length, 'active mute')}: ${list} (run.js mutes)`);
    for (const m of mutes.ignored) info('mutes', `${m.kind}:${m.value} (id ${m.id}) ${ignoredText(m, fmt)}`);
    if (mutes.active.length === 0) info('mutes', 'none active (run.js mute adds one)');
  } catch (err) {
    fail('mutes', err);
  }
}
