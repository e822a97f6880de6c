import type { FailureView } from '../rollup/view';
import { esc, FONT, note, rows, sub } from './layout';
import type { Lead } from './lead';
import { shortLocation } from './model';
import type { Clock } from './time';
import { wrap } from './wrap';

/**
 * Storm mode: above STORM_THRESHOLD records in one poll, what the team needs first is
 * the shape of the outage (which reason, on which NAS or site), not individual users. The mail
 * then leads with these groups. Kept apart from render.ts so the two evolve independently:
 * `leadWith` prepends a section to whatever render produced.
 */
export interface StormGroup {
  reason: string;
  nas: string;
  location: string;
  count: number;
  first: number | undefined;
  last: number | undefined;
}

/** Distinct groups kept; further ones are only counted (bounded memory in a storm). */
const MAX_GROUPS = 2_000;
const SHOWN = 40;

export class StormGroups {
  /** Groups by reason, then NAS label, then location: lookups on values seen before, no key built per record. */
  readonly #tree = new Map<string, Map<string, Map<string, StormGroup>>>();
  readonly #groups: StormGroup[] = [];
  /** NAS labels by name and IP, made once per NAS. */
  readonly #labels = new Map<string, Map<string, string>>();
  #labelCount = 0;
  /** Records whose group was not kept because of MAX_GROUPS. */
  ungrouped = 0;

  add(v: FailureView): void {
    const nas = this.#label(v.nasName, v.nasIp);
    let g = this.#tree.get(v.reason)?.get(nas)?.get(v.location);
    if (!g) {
      if (this.#groups.length >= MAX_GROUPS) {
        this.ungrouped++;
        return;
      }
      g = { reason: v.reason, nas, location: v.location, count: 0, first: v.time, last: v.time };
      child(child(this.#tree, v.reason), nas).set(v.location, g);
      this.#groups.push(g);
    }
    g.count++;
    if (v.time !== undefined) {
      if (g.first === undefined || v.time < g.first) g.first = v.time;
      if (g.last === undefined || v.time > g.last) g.last = v.time;
    }
  }

  #label(name: string, ip: string): string {
    const known = this.#labels.get(name)?.get(ip);
    if (known !== undefined) return known;
    const label = ip && name !== ip ? `${name || '?'} (${ip})` : name;
    // Bounded like the groups: a storm of random NAS values must not grow this without limit.
    if (this.#labelCount < MAX_GROUPS) {
      child(this.#labels, name).set(ip, label);
      this.#labelCount++;
    }
    return label;
  }

  /** Largest first. */
  list(): StormGroup[] {
    // Code-unit order, as the digest sorts: the same mail on every runtime and locale.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return [...this.#groups].sort(
      (a, b) => b.count - a.count || cmp(a.reason, b.reason) || cmp(a.nas, b.nas) || cmp(a.location, b.location),
    );
  }
}

export type { Lead } from './lead';
export { noteLead } from './lead';

export function stormSubject(prefix: string): string {
  return `${prefix} STORM:`;
}

/** The section a storm mail leads with: every group's count, largest first. */
export function stormLead(groups: StormGroups, total: number, threshold: number, clock: Clock): Lead {
  const all = groups.list();
  const shown = all.slice(0, SHOWN);
  const hidden = all.slice(SHOWN).reduce((n, g) => n + g.count, 0) + groups.ungrouped;
  const intro =
    `STORM: ${total} RADIUS failures in one poll (more than ${threshold}). By reason and ` +
    `NAS/location, largest first:`;
  const where = (g: StormGroup) =>
    [`NAS ${g.nas || '-'}`, shortLocation(g.location), clock.span(g.first, g.last)].filter(Boolean).join(', ');
  const rest =
    hidden > 0
      ? `... and ${hidden} more failure(s) in ${all.length - shown.length} smaller ` +
        `group(s)${groups.ungrouped ? ' or ungrouped' : ''}`
      : '';
  const text = [
    ...wrap(intro),
    ...shown.flatMap((g) => [
      ...wrap(g.reason || '-', '         ', `  ${String(g.count).padStart(5)}  `),
      ...wrap(where(g), '         '),
    ]),
    ...(rest ? [`  ${rest}`] : []),
    '',
  ];
  const html = [
    `<p style="${FONT};font-size:14px;color:#b42318;margin:12px 0 6px"><b>${esc(intro)}</b></p>`,
    rows(shown.map((g) => ({ left: `<b>${g.count}</b>`, right: `<b>${esc(g.reason || '-')}</b>${sub(where(g))}` }))),
    rest ? note(rest) : '',
  ].join('\n');
  return { text, html };
}

/** The map under `key`, made on first use. */
function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}
