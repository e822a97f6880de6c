// The poll that runs every few minutes on the switch and finds nothing never loads zlib: loading it
// costs ~2-6 ms of CPU and ~1.4 MB per run (src/attachment/gzmember.ts). Through the bundle, since
// what is measured is which of Node's own modules one real process loads (process.moduleLoadList).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startWorld } from '../helpers/world';

const MARK = 'loaded-builtins:';
// Preloaded with --require: at exit, the list of Node's modules this process loaded, on stderr.
const PRELOAD = [
  "process.on('exit', () =>",
  `  process.stderr.write('\\n${MARK}' + process.moduleLoadList.join(',') + '\\n'));`,
].join('\n');

const builtins = (stderr: string) =>
  stderr
    .split('\n')
    .find((l) => l.startsWith(MARK))
    ?.slice(MARK.length)
    .split(',');

describe('a poll that finds nothing', () => {
  test.each(['each-run', 'digest'])('ALERT_MODE=%s: zlib is never loaded', async (mode) => {
    const w = await startWorld();
    const preload = join(w.dir, 'preload.cjs');
    writeFileSync(preload, PRELOAD);
    const opts = { nodeArgs: ['--require', preload] };
    for (let run = 1; run <= 2; run++) {
      const r = await w.run([], { ALERT_MODE: mode }, opts);
      expect(r.summary, r.stderr).toBe('ise-to-mail: OK no new failures');
      const loaded = builtins(r.stderr);
      expect(loaded, r.stderr).toContain('NativeModule https');
      expect(loaded).not.toContain('NativeModule zlib');
    }
  });
});
