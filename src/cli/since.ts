import { parseSince } from '../config/values';
import { usageError } from '../core/errors';
import { summaryTime } from '../core/times';

export interface RunFlags {
  since?: string;
  dryRun?: boolean;
  resetCursor?: boolean;
  flush?: boolean;
}

/** `--since` as an instant, checked against the device clock and the other flags (usage errors). */
export function sinceFlag(opts: RunFlags, now: number): number | undefined {
  if (opts.since === undefined) return undefined;
  // A backfill leaves the cursor alone and a reset only moves the cursor: together, one of them
  // would silently do nothing. docs/delivery.md says to run them one after the other.
  if (opts.resetCursor)
    throw usageError(
      '--since and --reset-cursor do not go together: --since is a one-off backfill that leaves the cursor ' +
        'alone; run --reset-cursor alone, then --since if needed',
    );
  if (opts.flush) throw usageError('--flush and --since do not go together: a backfill bypasses the digest spool');
  const since = parseSince(opts.since, now);
  if (since === undefined)
    throw usageError(
      `--since "${opts.since}" is not a time: use an ISO-8601 timestamp or a duration such as 90m, 6h, 2d`,
    );
  if (since > now)
    throw usageError(
      `--since "${opts.since}" is in the future (the device clock says ${summaryTime(now)}): give a ` +
        `past time, or a duration back from now such as 6h; check the clock (NTP) if it is wrong`,
    );
  return since;
}
