// The mail size cap with small batches: the attachment is cut to the exact limit (not dropped
// whole), the server's SIZE is named as such, and mails that cannot be cut fail with exit 5.
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { makeFailures } from '../fake/records';
import { startWorld, type World } from '../helpers/world';

let w: World | undefined;

const batch = () => makeFailures(200, { start: Date.now() - 40 * 60_000, stepMs: 10_000, seed: 3 });

async function fullSize(): Promise<number> {
  const probe = await startWorld();
  try {
    probe.ise.setFailures(batch());
    expect((await probe.run()).code).toBe(0);
    return probe.smtp.messages[0]!.raw.length;
  } finally {
    await probe.close();
  }
}

test('a server SIZE a little below the whole mail: the attachment keeps the rows that fit', async () => {
  const size = await fullSize();
  w = await startWorld({ smtp: { size: size - 3000 } });
  w.ise.setFailures(batch());
  const r = await w.run();
  expect(r.code, r.summary).toBe(0);
  const m = w.smtp.messages[0]!;
  expect(m.raw.length).toBeLessThanOrEqual(size - 3000);
  const rows = gunzipSync(m.parsed.attachments[0]!.content).toString('utf8').split('\r\n').filter(Boolean).length - 1;
  expect(rows).toBeGreaterThan(100);
  expect(rows).toBeLessThan(200);
  const text = (m.parsed.text ?? '').replace(/\n */g, ' ');
  expect(text).toContain(`The attachment holds the first ${rows} of 200 failures`);
  expect(text).toContain(`Attached: failures.csv.gz with the first ${rows} of 200 failures of this mail (size cap)`);
  expect(r.summary).toMatch(
    new RegExp(
      `^ise-to-mail: WARN 200 new failures mailed to 2 recipients .*attachment holds the first ${rows} rows ` +
        `\\(size cap\\)$`,
    ),
  );
});

test("a server SIZE below the mail body: exit 5 naming the server's limit, cursor untouched", async () => {
  w = await startWorld({ smtp: { size: 12_000 } });
  w.ise.setFailures(batch());
  const r = await w.run();
  expect(r.code).toBe(5);
  expect(r.summary).toMatch(
    /^ise-to-mail: ERROR the message is \d+ bytes, over the mail server's SIZE limit of 12000 even with the attachment cut down; the mail server accepts less/,
  );
  expect(w.cursor()).toBeUndefined();
  const t = await w.run(['test-mail']);
  expect(t.code).toBe(5);
  expect(t.summary).toMatch(
    /^ise-to-mail: ERROR the message is \d+ bytes, over the mail server's SIZE limit of 12000;/,
  );
});
