// `npm run mail-shots`: PNG screenshots of every kind of mail at 1280 px (desktop) and 390 px
// (phone), rendered by headless Chromium from the same fixtures as the golden files, into
// docs/img/mail-<kind>.png and docs/img/mail-<kind>-390.png: the top of each mail, as a reader
// first sees it (at most 1100 px, 1800 px on the phone). The README shows two of them.
// Needs Debian's chromium (apt-get install -y chromium).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, screenshot } from '../test/helpers/chromium';
import { KINDS } from '../test/helpers/mail-kinds';

const OUT = join(__dirname, '..', 'docs', 'img');
/** Fixtures that are not a kind of their own stay out of the pictures. */
const SKIP = new Set(['hostile']);

async function main(): Promise<void> {
  if (!CHROMIUM) throw new Error('mail-shots: chromium is not installed (apt-get install -y chromium)');
  mkdirSync(OUT, { recursive: true });
  for (const [name, make] of Object.entries(KINDS)) {
    if (SKIP.has(name)) continue;
    const { html } = make();
    for (const [width, suffix, most] of [
      [1280, '', 1100],
      [390, '-390', 1800],
    ] as const) {
      const file = join(OUT, `mail-${name}${suffix}.png`);
      await screenshot(html, width, file, most);
      console.log(`wrote ${file}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
