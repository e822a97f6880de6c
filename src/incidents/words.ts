import { plural } from '../core/plural';
import { hintFor } from '../render/hints';
import { USER_LEVEL } from './codes';
import type { Tally } from './tally';

/** The words and thresholds the rules share. */

/**
 * `11036 (RADIUS shared secret?)`: the code with the likely cause when we know one. `users`: how
 * many users fail with it; for many, a per-user cause ("stale saved password?") would mislead, so
 * the code's plain name is given instead.
 */
export function codeWithCause(code: string, reason: string, users = 1): string {
  const hint = hintFor(reason);
  const perUser = USER_LEVEL.has(code) && users >= 3;
  return hint
    ? `${code} (${perUser ? hint.short : (hint.cause ?? hint.short)})`
    : code === reason
      ? code
      : `${code} ${reason.slice(code.length).trim().slice(0, 40)}`;
}

/** `40 users` or `12 endpoints`, whichever there are more of. */
export function who(t: Pick<Tally, 'users' | 'endpoints'>): string {
  const users = t.users.size >= t.endpoints.size;
  const set = users ? t.users : t.endpoints;
  return `${set.text} ${users ? 'user' : 'endpoint'}${set.text === '1' ? '' : 's'}`;
}

export const mins = (ms: number) => `${Math.round(ms / 60_000)} min`;
export const about = (x: number) => (x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x)));

/**
 * Distinct users with one reason on one NAS that are news: `factor` times what this NAS usually
 * shows at this hour, and more than chance gives (a busy wireless controller always has a few
 * users failing alike: at most one window in a million reaches this by chance if failures arrive
 * independently), and never fewer than `min`.
 */
export const nasWideThreshold = (min: number, factor: number, usual: number) =>
  Math.max(min, Math.ceil(factor * usual), poissonBound(usual, 1e-6));

/** The smallest k with P(X >= k) < p for X ~ Poisson(mean). */
export function poissonBound(mean: number, p: number): number {
  let pmf = Math.exp(-mean);
  let below = 0;
  let k = 0;
  while (1 - below - pmf >= p && k < 10_000) {
    below += pmf;
    k++;
    pmf *= mean / k;
  }
  return k + 1;
}

/** The largest keys of a weighted map, largest first (ties by name): `top(t.nas, 3)`. */
export function top(m: ReadonlyMap<string, number>, n: number): string[] {
  return [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}

/** `a, b` or `a, b (+3)`: the largest names of a weighted map. */
export function names(m: ReadonlyMap<string, number>, n = 2): string {
  const shown = top(m, n).map((k) => k || '?');
  return `${shown.join(', ')}${m.size > n ? ` (+${m.size - n})` : ''}`;
}

/**
 * Where, for an incident's first line: ` (Zurich / Building-B)`, ` (Zurich / Building-B and 2 more
 * sites)`, or nothing when the records carry no location beyond "All Locations".
 */
export function siteOf(t: Pick<Tally, 'sites'> | undefined): string {
  if (!t || t.sites.size === 0) return '';
  const [first] = top(t.sites, 1);
  return t.sites.size === 1 ? ` (${first})` : ` (${first} and ${plural(t.sites.size - 1, 'more site')})`;
}

/**
 * Many users failing with a code about one user's own credential is not that they all mistyped:
 * the hint says where else to look (the per-user hint would send the helpdesk after each of them).
 */
const MANY_USERS_HINT =
  'Many users at once, so not their own passwords: look at the Endpoints line for guessing (many names ' +
  'from few endpoints: shut that port), then at what changed for them (identity source, a NAS RADIUS key ' +
  'with PAP, an account sync).';
export const manyUsersHint = (code: string) => (USER_LEVEL.has(code) ? MANY_USERS_HINT : undefined);
