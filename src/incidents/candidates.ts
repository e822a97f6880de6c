import type { Incident } from './incident';
import { coveredBy, fold } from './merge';
import { findAll } from './rule-table';
import type { Candidate, RuleInput } from './rules';

/**
 * This run's findings that open new incidents (engine.ts). A finding an `open` incident covers
 * keeps that incident going instead: its id joins `active`. The rest are folded together.
 */
export function freshCandidates(input: RuleInput, active: Set<string>, open: readonly Incident[]): Candidate[] {
  const found = findAll(input);
  // During a storm the storm is the news: every other finding is part of it.
  const stormOpen = open.find((i) => i.id === 'all:storm' && active.has(i.id));
  const inStorm = stormOpen !== undefined || found.some((c) => c.rule === 'storm');
  const candidates = inStorm ? found.filter((c) => c.rule === 'storm') : found;
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    const covering = coveredBy(c, open);
    if (covering) active.add(covering.id);
    else fresh.push(c);
  }
  return fold(fresh);
}
