// Every kind of mail fits a phone: rendered in headless Chromium (Debian's `chromium`) in a 390 px
// viewport, the document may be at most 400 px wide (no sideways scrolling). .ci/run installs
// chromium; without it the test is skipped locally and fails in CI (CI set).
import { describe, expect, it } from 'vitest';
import { CHROMIUM, measure } from '../helpers/chromium';
import { KINDS } from '../helpers/mail-kinds';

const PHONE = 390;
const MAX = 400;

describe.skipIf(!CHROMIUM && !process.env.CI)('mails in Chromium at a 390 px viewport', () => {
  it('chromium is installed (CI installs it)', () => {
    expect(CHROMIUM, 'apt-get install -y chromium').toBeDefined();
  });
  for (const [name, make] of Object.entries(KINDS)) {
    it(`${name}: the document is at most ${MAX} px wide`, async () => {
      const { width, height } = await measure(make().html, PHONE);
      expect(height).toBeGreaterThan(200); // it rendered something
      expect(width, `${name} is ${width} px wide at ${PHONE} px`).toBeLessThanOrEqual(MAX);
    }, 60_000);
  }
});
