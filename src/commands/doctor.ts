import type { Config } from '../config/config';
import { type Need, requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
import { Exit } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { iseChecks } from '../doctor/ise-checks';
import { smtpChecks, stateDirCheck } from '../doctor/local-checks';
import { policyLines } from '../doctor/policy-lines';
import { type DoctorContext, DoctorReport } from '../doctor/report';
import { describeHealth } from '../health/health-record';
import { loadTls, type TlsMaterial } from '../pxgrid/tls';

/** One line per check, `ok`/`FAIL` + remedy; exit 0 only when all pass. */
export async function doctor(loadConfig: (needs: Need[]) => Config, sys: System, io: Io): Promise<Outcome> {
  const report = new DoctorReport(io);
  const cfg = await report.probe('config', Exit.usage, () => {
    const c = loadOrExplain(loadConfig);
    return { value: c, detail: `${c.configFile ?? 'no config file, environment only'}; STATE_DIR ${c.stateDir}` };
  });
  if (!cfg) return report.outcome();
  const ctx: DoctorContext = { cfg, sys, deadline: new Deadline(cfg.deadlineMs, sys.now) };
  const tls = await report.probe<TlsMaterial>('config ISE', Exit.usage, () => {
    requireSettings(cfg, ['ise']);
    const auth = cfg.ise.cert ? `certificate ${cfg.ise.cert} (key matches)` : 'password';
    return {
      value: loadTls(cfg.ise, sys.now()),
      detail: `${cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(', ')}, client ${cfg.ise.nodeName}, ${auth} auth`,
    };
  });
  const mail = await report.probe('config mail', Exit.usage, () => {
    requireSettings(cfg, ['mail']);
    return {
      value: true,
      detail:
        `${cfg.smtp.host}:${cfg.smtp.port} (${cfg.smtp.security}), from ${cfg.mail.from} to ` +
        `${cfg.mail.dest.length} recipient(s)`,
    };
  });
  await stateDirCheck(ctx, report);
  if (tls) await iseChecks(ctx, report, tls);
  else report.skip('ISE', 'fix the ISE settings first');
  if (mail) await smtpChecks(ctx, report);
  else report.skip('SMTP', 'fix the mail settings first');
  healthLines(ctx, report);
  policyLines(ctx, report);
  return report.outcome();
}

/**
 * The config with no setting required, so that the ISE and mail checks below can each say what
 * they miss. When even that fails, the error of the load that requires everything names every
 * problem at once: the invalid values and all the missing settings.
 */
function loadOrExplain(loadConfig: (needs: Need[]) => Config): Config {
  try {
    return loadConfig([]);
  } catch (err) {
    loadConfig(['ise', 'mail']);
    throw err;
  }
}

/**
 * The health record (docs/health.md) as history: what the scheduled runs saw lately. Only an
 * unreadable record is a FAIL; today's state is what the checks above report.
 */
function healthLines(ctx: DoctorContext, report: DoctorReport): void {
  for (const line of describeHealth(ctx.cfg.stateDir, ctx.sys.now())) {
    const text = line.replace(/^health: /, '');
    if (text.startsWith('FAIL '))
      report.add({ name: 'health', status: 'FAIL', detail: text.slice(5), exitCode: Exit.usage });
    else report.add({ name: 'health', status: 'info', detail: text, exitCode: Exit.ok });
  }
}
