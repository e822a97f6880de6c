import { type Dict, dict } from '../core/dict';
import type { FailureEvent } from './event';
import type { Incident } from './incident';
import { candidateId } from './merge';
import { nasKey, splitNasKey } from './rolling-window';
import { ALL_REASONS, type Candidate, type RuleInput } from './rules';
import type { Tally } from './tally';

/** This run's failures that match an open incident: weighted count, latest time and its span. */
export interface RunMatch {
  weight: number;
  last: number;
  spanMs: number;
}

export function countMatch(match: Map<string, RunMatch>, id: string, e: FailureEvent): void {
  const m = match.get(id) ?? { weight: 0, last: 0, spanMs: 0 };
  m.weight += e.weight;
  if (e.time >= m.last) {
    m.last = e.time;
    m.spanMs = e.spanMs;
  }
  match.set(id, m);
}

const perMinute = (x: RuleInput) => (x.intervalMs === undefined ? undefined : x.intervalMs / 60_000);

/**
 * Does this run continue an open incident? Any matching failure does, except where the same
 * reason is also everyday background: there the level must stay clearly above normal, or the
 * incident would never close.
 */
export function hold(i: Incident, x: RuleInput, m: RunMatch | undefined): boolean {
  const w = m?.weight ?? 0;
  const minutes = perMinute(x);
  const rate = x.baseline.rate(x.now);
  const expectedAll = rate === undefined || minutes === undefined ? undefined : rate * minutes;
  switch (i.scope) {
    case 'nas': {
      const usual = x.baseline.nasLevel(i.nas ?? '') * x.baseline.busyness(x.now);
      return w > 0 && x.windows.distinct(nasKey(i.nas ?? '', i.code ?? '')) >= Math.max(1, Math.ceil(1.5 * usual));
    }
    case 'reason':
      if (i.rule !== 'spike' || expectedAll === undefined) return w > 0;
      return w > 0 && w >= Math.max(3, 2 * x.baseline.share(i.code ?? '') * expectedAll);
    case 'subject':
    case 'source':
    case 'store':
    case 'admin':
      return w > 0;
    case 'all':
      if (i.rule === 'storm') return x.run.records > x.settings.stormThreshold / 2;
      return x.run.weight >= Math.max(x.settings.spike.min / 2, 2 * (expectedAll ?? 0));
  }
}

/**
 * Per reason (and in all), this run's failures that belong to an active incident: no evidence of
 * a spike, nor of a second incident. `claims`: per open incident, per reason, the weight of the
 * failures whose first matching incident it is (each failure counted once).
 */
export function claim(
  claimed: Map<string, number>,
  active: ReadonlySet<string>,
  claims: ReadonlyMap<string, ReadonlyMap<string, number>>,
): void {
  for (const [id, byCode] of claims) {
    if (!active.has(id)) continue;
    for (const [code, w] of byCode) {
      claimed.set(code, (claimed.get(code) ?? 0) + w);
      claimed.set(ALL_REASONS, (claimed.get(ALL_REASONS) ?? 0) + w);
    }
  }
}

export function tallyFor(
  i: Pick<Incident, 'scope' | 'nas' | 'code' | 'subject' | 'endpoint' | 'port'>,
  x: RuleInput,
): Tally | undefined {
  if (i.scope === 'nas') return x.run.byNasCode.get(nasKey(i.nas ?? '', i.code ?? ''));
  if (i.scope === 'reason') return x.run.byCode.get(i.code ?? '');
  if (i.scope === 'subject') return x.run.bySubject.get(i.subject ?? '');
  if (i.scope === 'source')
    return i.endpoint !== undefined
      ? x.run.byEndpoint.get(i.endpoint)
      : x.run.byPort.get(nasKey(i.nas ?? '', i.port ?? ''));
  if (i.scope === 'store') return x.run.storeDown.get('ad');
  if (i.scope === 'admin')
    return i.nas !== undefined ? x.run.byAdminNas.get(i.nas) : x.run.byAdminUser.get(i.subject ?? '');
  return undefined;
}

export function newIncident(c: Candidate, x: RuleInput): Incident {
  const t = c.tally;
  let since = t?.first ?? x.run.first ?? x.now;
  if (c.scope === 'nas')
    for (const seen of x.windows.nas.get(nasKey(c.nas ?? '', c.code ?? ''))?.values() ?? [])
      since = Math.min(since, seen);
  const last = t?.last ?? x.run.last ?? x.now;
  const silent = !x.learned && c.rule !== 'storm';
  return {
    id: candidateId(c),
    rule: c.rule,
    scope: c.scope,
    nas: c.nas,
    code: c.code,
    subject: c.subject,
    endpoint: c.endpoint,
    port: c.port,
    codes: c.codes,
    reason: t?.reason,
    hint: c.hint,
    title: c.title,
    evidence: c.evidence,
    users: t?.users.sample() ?? [],
    usersCount: t?.users.text ?? '',
    endpoints: t?.endpoints.sample() ?? [],
    endpointsCount: t?.endpoints.text ?? '',
    since,
    last,
    quietUntil: last + x.settings.quietMs + (t?.spanMs ?? x.run.spanMs),
    openedAt: x.now,
    failures: t?.weight ?? x.run.weight,
    reported: 0,
    mailed: silent,
    silent,
  };
}

/** Teaches the baselines this run, leaving out what belongs to an active incident. */
export function learn(x: RuleInput, active: Incident[], match: ReadonlyMap<string, RunMatch>): void {
  if (x.intervalMs === undefined || active.some((i) => i.scope === 'all')) return;
  const byReason = new Map([...x.run.byCode].map(([code, t]) => [code, t.weight]));
  let inIncidents = 0;
  for (const i of active) {
    const w = i.openedAt === x.now ? (tallyFor(i, x)?.weight ?? 0) : (match.get(i.id)?.weight ?? 0);
    inIncidents += w;
    if (i.code !== undefined && byReason.has(i.code)) byReason.set(i.code, Math.max(0, byReason.get(i.code)! - w));
  }
  const nasLevels = new Map<string, number>();
  for (const [key, subjects] of x.windows.nas) {
    const [nas, code] = splitNasKey(key);
    if (active.some((i) => i.code === code && (i.scope === 'reason' || i.nas === nas))) continue;
    nasLevels.set(nas, Math.max(nasLevels.get(nas) ?? 0, subjects.size));
  }
  const rate = Math.max(0, x.run.weight - inIncidents) / (x.intervalMs / 60_000);
  x.baseline.learn(x.now, x.intervalMs, rate, byReason, nasLevels);
}

/** Reasons seen within `memoryMs` (the 1 000 latest), with this run's added. */
export function remember(
  known: Readonly<Dict<number>>,
  seen: ReadonlyMap<string, number>,
  now: number,
  memoryMs: number,
) {
  const reasons = dict(known);
  for (const [code, t] of seen) reasons[code] = Math.max(reasons[code] ?? 0, Math.min(t, now));
  const keep = Object.entries(reasons).filter(([, t]) => t >= now - memoryMs);
  keep.sort((a, b) => b[1] - a[1]);
  return dict(keep.slice(0, 1000));
}
