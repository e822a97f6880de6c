import { incidentsState } from '../config/incidents';
import { Exit } from '../core/errors';
import { loadIncidentState } from '../incidents/state';
import { left } from '../mutes/words';
import type { TimeFormat } from '../render/time';
import type { DoctorContext, DoctorReport } from './report';

/**
 * One `info` line: are incidents on, which setting says so, and where the learning period stands
 * (it starts with the first run with incidents on; until it ends the rules mail nothing). An
 * unreadable incidents.json is a FAIL: the next run would stop at it (exit 2).
 */
export function incidentLine(ctx: DoctorContext, report: DoctorReport, fmt: TimeFormat): void {
  const { cfg, sys } = ctx;
  const s = cfg.incidents;
  const { on, why } = incidentsState(s.mode, cfg.alert.mode);
  const info = (detail: string) => report.add({ name: 'incidents', status: 'info', detail, exitCode: Exit.ok });
  if (!on) return info(`off: ${why}${s.mode === 'auto' ? ' (INCIDENTS=on turns them on)' : ''}`);
  let since: number | undefined;
  try {
    since = loadIncidentState(cfg.stateDir)?.since;
  } catch (err) {
    return report.fail('incidents', err, Exit.usage);
  }
  const quiet = 'no incident mails until then';
  const learning =
    since === undefined
      ? `learning for ${left(s.learningMs)} from the first run (INCIDENT_LEARNING): ${quiet}`
      : since + s.learningMs > sys.now()
        ? `learning until ${fmt(since + s.learningMs)} (INCIDENT_LEARNING ${left(s.learningMs)}): ${quiet}`
        : `learned since ${fmt(since + s.learningMs)}`;
  const rules = s.rules.size ? [...s.rules].join(', ') : 'none (every INCIDENT_<RULE> is off)';
  info(`on: ${why}; ${learning}; rules: ${rules}`);
}
