// `npm run demo` on the bundle built from the current source: it shows the mail as it arrives.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { BUNDLE, NODE } from '../helpers/world';

it('prints the mail headers as the mail has them: Date in RFC 5322 form', async () => {
  const { stdout } = await promisify(execFile)(NODE, [resolve(__dirname, '../../scripts/demo.mjs'), BUNDLE], {
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  });
  const date = /^Date: (.*)$/m.exec(stdout)?.[1];
  // e.g. "Thu, 03 Dec 2026 09:19:12 +0000" (RFC 5322 section 3.3), not JavaScript's Date.toString().
  expect(date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
  // The default alert policy: an hourly digest, which the demo sends at once with run --flush.
  expect(stdout).toMatch(/^Subject: \[ISE\] digest: \d+ RADIUS failures/m);
}, 90_000);
