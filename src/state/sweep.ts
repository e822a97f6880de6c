import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Temp files a killed write leaves behind (an EEM maxrun kill during the cursor write after a
 * storm leaves megabytes): `.<file>.<random>.tmp` of writeFileAtomic and the lock's
 * `.run.lock.<random>.tmp`, and `run.lock.<random>.stale` of a takeover. Only these names, of
 * the files given, and only older than a run can last: a younger one may be another run's write
 * in progress (runs waiting for the lock write theirs before they have it).
 */

/** A regular expression matching `s` literally. */
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function ownTempName(names: string[]): RegExp {
  const alt = names.map(literally).join('|');
  return new RegExp(`^(?:\\.(?:${alt})\\.\\d+\\.tmp|run\\.lock\\.\\d+\\.stale)$`);
}

/** Deletes our stale temp files in `dir`; returns how many. Never throws: debris is no reason to stop a run. */
export function sweepTemps(dir: string, names: string[], now: number, olderThanMs: number): number {
  const ours = ownTempName(names);
  let swept = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!ours.test(name)) continue;
    try {
      const st = lstatSync(join(dir, name));
      if (!st.isFile() || now - st.mtimeMs < olderThanMs) continue;
      rmSync(join(dir, name), { force: true });
      swept++;
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return swept;
}
