import { hintFor } from '../render/hints';
import type { Tally } from './tally';

/** The words and thresholds the rules share. */

/** `11036 (RADIUS shared secret?)`: the code with the likely cause when we know one. */
export function codeWithCause(code: string, reason: string): string {
  const hint = hintFor(reason);
  return hint
    ? `${code} (${hint.cause ?? hint.short})`
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
