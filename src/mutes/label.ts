import { clean } from '../core/sanitize';
import type { FailureRecord } from '../pxgrid/schemas';
import type { MuteSet } from './store';
import { targetText } from './target';

/** The label a mute puts on a failure it keeps out of the body, e.g. `nas:sw-lab-01 (mute 3: lab rebuild)`. */
export type MuteLabel = (record: FailureRecord) => string | undefined;

export function muteLabels(mutes: MuteSet): MuteLabel | undefined {
  if (mutes.active.length === 0) return undefined;
  return (record) => {
    const m = mutes.match(record);
    // The note is the operator's text: one clean line, short, like every value in the mail.
    return m && clean(`${targetText(m)} (mute ${m.id}${m.note ? `: ${m.note}` : ''})`, 120);
  };
}
