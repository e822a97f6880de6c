/**
 * Scheduled runs start some seconds apart (cron fires on the minute, then Guestshell and Node
 * start up), so a run this much short of a due time counts as on time: with 10-minute runs the
 * 30-minute problem mail goes with the 4th failed run, not sometimes the 5th.
 */
export const JITTER_MS = 60_000;

/** At least `span` from `from` to `to`, give or take the start-up jitter of a scheduled run. */
export function elapsed(from: number, to: number, span: number): boolean {
  return to - from >= span - JITTER_MS;
}
