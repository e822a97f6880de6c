// Entry point bundled by scripts/replay.mjs: the seeded week and the fakes it is replayed against.
import type { FailureRecord } from '../fake/records';
import { buildCampus } from './campus';
import { type Injected, inject } from './injected';
import { injectCauses, quietNoise } from './injected-causes';
import { background, finish } from './trace';

export { sharedPki } from '../fake/pki';
export { startFakePxgrid } from '../fake/pxgrid';
export { startSmtp } from '../fake/smtp';
export { engineOnly } from './engine-only';
export { suppress } from './suppress';

export interface Week {
  start: number;
  records: FailureRecord[];
  injected: Array<Omit<Injected, 'drafts'> & { failures: number }>;
}

/** Seven days from `start` (a Monday 00:00 UTC): ~5 000 background failures a day plus the injections. */
export function week(seed: number, start: number, perDay = 5000): Week {
  const campus = buildCampus(seed);
  const bg = [...background(campus, start, 7, perDay), ...quietNoise(campus, start, 7)];
  const injected = [...injectCauses(campus, start), ...inject(campus, start)];
  const records = finish([...bg, ...injected.flatMap((i) => i.drafts)]);
  return { start, records, injected: injected.map(({ drafts, ...rest }) => ({ ...rest, failures: drafts.length })) };
}
