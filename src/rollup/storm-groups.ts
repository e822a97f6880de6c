import type { FailureView } from './view';

/**
 * Storm mode: above STORM_THRESHOLD records in one poll, what the team needs first is
 * the shape of the outage (which reason, on which NAS or site), not individual users. The mail
 * then leads with these groups (render/storm.ts words the lead). Bounded like every part of the
 * rollup: at most MAX_GROUPS groups, the rest only counted.
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

export class StormGroups {
  /** Groups by reason, then NAS label, then location: lookups on values seen before, no key built per record. */
  readonly #tree = new Map<string, Map<string, Map<string, StormGroup>>>();
  readonly #groups: StormGroup[] = [];
  /** NAS labels by name and IP, made once per NAS. */
  readonly #labels = new Map<string, Map<string, string>>();
  #labelCount = 0;
  /** Records whose group was not kept because of MAX_GROUPS. */
  ungrouped = 0;
  /** Records added, grouped or not: the poll's failures in the mail body. */
  total = 0;

  add(v: FailureView): void {
    this.total++;
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

/** The map under `key`, made on first use. */
function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}
