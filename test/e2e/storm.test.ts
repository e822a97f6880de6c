import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/attachment/attachment';
import { shortLocation } from '../../src/render/model';
import { type FailureRecord, makeFailures } from '../fake/records';
import { parseCsv } from '../helpers/mail';
import { startWorld, type World } from '../helpers/world';

// A storm through the built bundle (dist/run.js, `node scripts/build.mjs` first): 20 000 records
// streamed by the fake ISE in one getFailures response.
const N = 20_000;
const OVERLAP_MS = 10 * 60_000;

let world: World | undefined;

// The storm happens at noon UTC (after the real clock, ISE_TO_MAIL_TEST_NOW): at the real time, a
// suite started between 00:05 and 00:50 UTC saw the records cross midnight, and the mail named the
// days of its times, which the group lines below do not expect.
const DAY = 24 * 3_600_000;
const NOW = Math.ceil(Date.now() / DAY) * DAY + DAY / 2;
const clock = { ISE_TO_MAIL_TEST_NOW: String(NOW) };

function storm(): FailureRecord[] {
  return makeFailures(N, { start: NOW - 50 * 60_000, stepMs: (45 * 60_000) / N, seed: 11 });
}

function attachmentRows(w: World): string[][] {
  const att = w.smtp.messages[0]!.parsed.attachments;
  expect(att).toHaveLength(1);
  expect(att[0]!.filename).toBe('failures.csv.gz');
  const rows = parseCsv(gunzipSync(att[0]!.content).toString('utf8'));
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  return rows.slice(1);
}

describe('failure storm (20 000 records in one poll)', () => {
  it('mails one storm digest with exact counts, groups and attachment, and advances the cursor over all', async () => {
    const records = storm();
    world = await startWorld({ ise: { failures: records, now: () => NOW } });
    const r = await world.run([], clock);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const newest = records[N - 1]!.timestamp;
    expect(r.summary).toBe(`ise-to-mail: OK ${N} new failures mailed to 2 recipients (newest ${newest})`);

    expect(world.smtp.messages).toHaveLength(1);
    const mail = world.smtp.messages[0]!.parsed;
    expect(mail.subject).toMatch(new RegExp(`^\\[ISE\\] STORM: ${N} RADIUS failures, 8 users, top: `));
    const text = mail.text ?? '';
    // Under the mail's header, before the summary: the storm groups.
    expect(text).toMatch(new RegExp(`^STORM: ${N} RADIUS failures in one poll \\(more than 5000\\)\\.`, 'm'));
    expect(text.indexOf('STORM: ')).toBeLessThan(text.indexOf('BY REASON'));

    // Groups: reason x NAS/location, every count exact, largest first, before any detail row.
    const groups = new Map<string, number>();
    for (const f of records) {
      const key = `${f.failureReason} | NAS ${f.nasName} (${f.nasIpAddress}) | ${shortLocation(f.location ?? '')}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    // Each group: count and reason (wrapped at 78 columns), then NAS, location and times on the next line.
    const flat = text.replace(/\n {9}(?!NAS )/g, ' ');
    const time = '\\d\\d:\\d\\d:\\d\\d';
    const pair = new RegExp(`^ {2} *(\\d+) {2}(.+)\\n {9}NAS (.+?), (.+?), (?:at )?${time}(?: to ${time})?$`, 'gm');
    const found = [...flat.matchAll(pair)];
    expect(found).toHaveLength(groups.size);
    let previous = Infinity;
    for (const m of found) {
      expect(Number(m[1])).toBe(groups.get(`${m[2]} | NAS ${m[3]} | ${m[4]}`));
      expect(Number(m[1])).toBeLessThanOrEqual(previous);
      previous = Number(m[1]);
    }
    expect(flat.indexOf('DETAILS (')).toBeGreaterThan(flat.indexOf(found.at(-1)![0]));
    expect(mail.html).toContain(`STORM: ${N} RADIUS failures in one poll`);

    // Attachment: one row per record, in arrival order, nothing left out.
    const rows = attachmentRows(world);
    expect(rows).toHaveLength(N);
    expect(rows.map((x) => x[1])).toEqual(records.map((f) => f.id));
    const col = (name: (typeof CSV_COLUMNS)[number]) => rows[0]![CSV_COLUMNS.indexOf(name)];
    for (const name of [
      'timestamp',
      'id',
      'userName',
      'callingStationId',
      'nasName',
      'nasIpAddress',
      'failureReason',
      'location',
    ] as const) {
      expect(col(name), name).toBe(String(records[0]![name]));
    }
    expect(text).not.toContain('left out');

    // Cursor: high-water at the newest record, every id of the overlap window kept.
    const cursor = world.cursor() as { highWater: string; seen: [string, string][] };
    expect(cursor.highWater).toBe(newest);
    const hw = Date.parse(newest);
    const inWindow = records.filter((f) => Date.parse(f.timestamp) >= hw - OVERLAP_MS).map((f) => f.id);
    expect(cursor.seen.map(([id]) => id).sort()).toEqual(inWindow.sort());

    // The next poll re-reads the overlap and mails nothing: the cursor covered every record.
    // A minute later: the run's clock ticks on from ISE_TO_MAIL_TEST_NOW, so the same start lies behind.
    const again = await world.run([], { ISE_TO_MAIL_TEST_NOW: String(NOW + 60_000) });
    expect(again.code).toBe(0);
    expect(again.summary).toBe('ise-to-mail: OK no new failures');
    expect(world.smtp.messages).toHaveLength(1);
  });

  it('keeps the first rows that fit MAIL_MAX_BYTES and says how many were left out', async () => {
    const records = storm();
    world = await startWorld({ ise: { failures: records, now: () => NOW } });
    const r = await world.run([], { ...clock, MAIL_MAX_BYTES: '300000' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const raw = world.smtp.messages[0]!.raw;
    expect(raw.length).toBeLessThanOrEqual(300_000);
    expect(raw.length).toBeGreaterThan(200_000); // the cap is used, not wasted
    const rows = attachmentRows(world);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.length).toBeLessThan(N);
    expect(rows.map((x) => x[1])).toEqual(records.slice(0, rows.length).map((f) => f.id));
    const text = (world.smtp.messages[0]!.parsed.text ?? '').replace(/\n */g, ' ');
    expect(text).toContain(
      `The attachment holds the first ${rows.length} of ${N} failures: ${N - rows.length} row(s) were left out ` +
        `to keep the mail within 300000 bytes.`,
    );
    expect(world.smtp.messages[0]!.parsed.subject).toContain(`STORM: ${N} RADIUS failures`);
    // WARN: delivered, but the attachment is incomplete; the operator should know.
    expect(r.summary).toMatch(new RegExp(`^ise-to-mail: WARN ${N} new failures mailed to 2 recipients`));
    expect(r.summary).toContain(`; attachment holds the first ${rows.length} rows (size cap)`);
  });

  it('fits a smaller SIZE announced by the mail server', async () => {
    const records = storm();
    world = await startWorld({ ise: { failures: records, now: () => NOW }, smtp: { size: 200_000 } });
    const r = await world.run([], clock);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(world.smtp.messages).toHaveLength(1);
    const raw = world.smtp.messages[0]!.raw;
    expect(raw.length).toBeLessThanOrEqual(200_000);
    // The size declared in MAIL FROM (RFC 1870) is the size of what was sent.
    const declared = (world.smtp.messages[0]!.envelope.mailFrom as { args?: Record<string, string> }).args?.SIZE;
    expect(Number(declared)).toBe(raw.length);
    const rows = attachmentRows(world);
    expect(rows.length).toBeGreaterThan(500);
    expect(world.smtp.messages[0]!.parsed.text).toContain(
      `The attachment holds the first ${rows.length} of ${N} failures`,
    );
    expect((world.cursor() as { highWater: string }).highWater).toBe(records[N - 1]!.timestamp);
  });

  it('treats a storm response cut off mid-body as an ISE error: exit 4, nothing mailed, cursor untouched', async () => {
    world = await startWorld({ ise: { failures: storm(), now: () => NOW } });
    world.ise.fault('/pxgrid/ise/radius/getFailures', { truncate: true });
    const r = await world.run([], clock);
    expect(r.code, r.stdout + r.stderr).toBe(4);
    expect(r.summary).toMatch(
      /^ise-to-mail: ERROR the getFailures response ended early \(truncated\); nothing was mailed and the cursor is unchanged/,
    );
    expect(world.smtp.messages).toHaveLength(0);
    expect(world.cursor()).toBeUndefined();
  });
});
