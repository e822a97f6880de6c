// Prints the application code embedded (brotli-compressed) in dist/run.js, so what runs on the
// device can be read and audited without trusting the build: `node scripts/unpack.mjs [run.js]`.
// See scripts/build.mjs for why the code is embedded this way (start-up time on the switch).
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

const file = process.argv[2] ?? new URL('../dist/run.js', import.meta.url);
const bundle = readFileSync(file, 'utf8');
const m = /brotliDecompressSync\(Buffer\.from\("([A-Za-z0-9+/=]+)", "base64"\)\)/.exec(bundle);
if (!m) {
  console.error(`unpack: no embedded application code found in ${file}`);
  process.exit(1);
}
process.stdout.write(brotliDecompressSync(Buffer.from(m[1], 'base64')).toString('utf8'));
