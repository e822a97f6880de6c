import type { Config } from '../config/config';
import { incidentsState } from '../config/incidents';
import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import { summaryTime } from '../core/times';
import { HOUR_MS, RECENT_HOURS, type RecentKind, recentHours, recordOfKey } from '../incidents/recent';
import { loadIncidentState } from '../incidents/state';
import { compileTarget, type Target } from './target';

/** What `mute` adds to its summary: how much of the last day the target catches; `warn` when none or all. */
export interface RecentMatch {
  text: string;
  warn: boolean;
}

/**
 * The new target against the last day's failures as the incident engine counted them
 * (incidents.json), run through the mute's own test. Says so when there is nothing to count
 * against instead of guessing.
 */
export function recentMatch(cfg: Config, target: Target, now: number): RecentMatch {
  const incidents = incidentsState(cfg.incidents.mode, cfg.alert.mode);
  if (!incidents.on) return note(`the last day's failures are counted only while incidents are on (${incidents.why})`);
  let state: ReturnType<typeof loadIncidentState>;
  try {
    state = loadIncidentState(cfg.stateDir);
  } catch {
    return note('incidents.json is unreadable (run.js doctor says more)');
  }
  const recent = state?.recent;
  if (!recent) return note('the next run with incidents on starts counting');
  const hours = recentHours(recent, now);
  const total = hours.reduce((n, h) => n + h.n, 0);
  const start = Math.floor(now / HOUR_MS) * HOUR_MS - (RECENT_HOURS - 1) * HOUR_MS;
  const period = recent.from > start ? `since ${summaryTime(recent.from)}` : 'in the last 24 h';
  if (total === 0) return { text: `no failures seen ${period} to check it against`, warn: false };
  const { matched, unlisted, top } = count(hours, target);
  const seen = `${plural(total, 'failure')} seen ${period}`;
  if (unlisted > 0 && matched === 0)
    return { text: `it matches none of the itemised ones of the ${seen}; ${unlisted} were not itemised`, warn: false };
  if (unlisted > 0)
    return { text: `it matches ${matched} or more of the ${seen} (${unlisted} not itemised)`, warn: false };
  if (matched === 0) {
    const hint = top.length ? ` (most seen: ${top.join(', ')})` : '';
    return { text: `it matches none of the ${seen}: check the spelling${hint}`, warn: true };
  }
  if (matched === total)
    return {
      text: `it matches all ${seen}: every one leaves the mail body; narrow the target if that was not meant`,
      warn: true,
    };
  return { text: `it matches ${matched} of the ${seen}`, warn: false };
}

function count(hours: ReturnType<typeof recentHours>, target: Target) {
  const kind: RecentKind = target.kind;
  const test = compileTarget(target);
  const byKey = new Map<string, number>();
  let unlisted = 0;
  for (const h of hours) {
    unlisted += h.other[kind];
    for (const [key, n] of Object.entries(h.keys[kind])) byKey.set(key, (byKey.get(key) ?? 0) + n);
  }
  let matched = 0;
  for (const [key, n] of byKey) if (test(recordOfKey(kind, key))) matched += n;
  // A typo is easiest to see beside the names that did fail: NAS names and reason codes only,
  // never user names or MACs in a line that may go to syslog.
  const shown = (key: string) => clean(key.split('\u0000').find((v) => v !== '') ?? '', 40);
  const top =
    kind === 'nas' || kind === 'reason'
      ? [...byKey]
          .sort((a, b) => b[1] - a[1])
          .map(([key]) => shown(key))
          .filter((v, i, all) => v !== '' && all.indexOf(v) === i)
          .slice(0, 3)
      : [];
  return { matched, unlisted, top };
}

const note = (why: string): RecentMatch => ({
  text: `no count of the last day's failures to check it against: ${why}`,
  warn: false,
});
