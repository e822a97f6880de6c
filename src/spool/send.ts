import { Rollup, type RollupOptions } from '../rollup/rollup';
import type { RollupState } from '../rollup/rollup-state';
import { attachSegments, type SegmentInfo } from './segments';

/**
 * The digest as it goes out: the exact counts, and an attachment rebuilt from the kept records
 * (the spool's segment files in `dir`); what the spool could not keep (or lost) is counted as
 * left out. `notes` says what was lost.
 */
export function rollupToSend(
  opts: Pick<RollupOptions, 'attach' | 'attachBudget'>,
  counts: RollupState,
  dir: string,
  segments: SegmentInfo[],
): { rollup: Rollup; notes: string[] } {
  const d = new Rollup(opts, counts);
  const notes: string[] = [];
  const attachment = d.attachment();
  if (!attachment) return { rollup: d, notes };
  const kept = attachSegments(attachment, dir, segments, (why) => notes.push(why));
  const missing = d.total + d.mutedTotal - kept;
  if (missing > 0) attachment.omit(missing);
  return { rollup: d, notes };
}
