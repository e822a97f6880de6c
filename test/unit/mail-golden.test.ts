// Golden tests of the rendered mail: subject, text and HTML for fixed batches, fixed zones.
// UPDATE_GOLDEN=1 npx vitest run test/unit/mail-golden.test.ts rewrites the files under test/unit/golden/.
// Without it a missing golden file is a failure, never silently written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { render } from '../../src/render/render';
import { WIDTH } from '../../src/render/wrap';
import { Rollup } from '../../src/rollup/rollup';
import { makeFailure, makeFailures } from '../fake/records';
import { KINDS } from '../helpers/mail-kinds';

const GOLDEN = join(__dirname, 'golden');
const START = Date.UTC(2026, 10, 23, 9, 0, 0);

function rendered(records: FailureRecord[], timeZone: string) {
  const d = new Rollup();
  for (const r of records) d.add(r);
  return render(d, { subjectPrefix: '[ISE]', maxRows: 50, timeZone, attachmentName: 'failures.csv.gz' });
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  expect(existsSync(file), `golden file ${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const NAS = [
  { nasName: 'sw-access-a1', nasIpAddress: '10.10.1.11', location: 'Location#All Locations#Building-A' },
  { nasName: 'sw-access-b2', nasIpAddress: '10.10.2.12', location: 'Location#All Locations#Building-B' },
  { nasName: 'wlc-hq-01', nasIpAddress: '10.10.9.5', location: 'Location#All Locations#HQ#Floor-3' },
];

/** Like a real storm: each user fails from one or two own devices behind one NAS, so rows collapse. */
function mixed300(): FailureRecord[] {
  const users = new Map<string, number>();
  return makeFailures(300, { start: START, stepMs: 6000, seed: 7 }).map((r, i) => {
    const u = users.get(r.userName!) ?? users.set(r.userName!, users.size).get(r.userName!)!;
    const mac = `3C:22:FB:${(0x10 + u).toString(16).toUpperCase()}:0A:${i % 3 === 0 ? '7E' : '01'}`;
    return { ...r, ...NAS[u % NAS.length]!, callingStationId: mac };
  });
}

const BATCHES: Record<string, { records: () => FailureRecord[]; zone: string }> = {
  single: {
    zone: 'UTC',
    records: () => [makeFailure({ id: '1603571391695194', timestamp: new Date(START).toISOString() })],
  },
  'mixed-300': { zone: 'Europe/Zurich', records: mixed300 },
  'one-user-10000': {
    zone: 'America/New_York',
    records: () =>
      Array.from({ length: 10_000 }, (_, i) =>
        makeFailure(
          {
            id: String(1603571391695194n + BigInt(i)),
            timestamp: new Date(START + i * 250).toISOString(),
            userName: 'svc-printer',
            failureReason:
              '24408 User authentication against Active Directory failed since user has entered the wrong password',
          },
          i,
        ),
      ),
  },
};

/** Lines of a text part over 78 columns that are not a URL alone. */
const tooWide = (text: string) => text.split('\n').filter((l) => l.length > WIDTH && !/^\s*https?:\/\/\S+$/.test(l));

describe('golden mails of every kind (test/helpers/mail-kinds.ts)', () => {
  for (const [name, make] of Object.entries(KINDS)) {
    it(`${name}: subject, text and HTML match golden/kind-${name}.*; text within 78 columns`, () => {
      const mail = make();
      golden(`kind-${name}.txt`, `Subject: ${mail.subject}\n\n${mail.text}`);
      golden(`kind-${name}.html`, mail.html);
      expect(tooWide(mail.text)).toEqual([]);
      // SpamAssassin-friendly: no remote images, no scripts, every link's text is its own URL.
      expect(mail.html).not.toMatch(/<img|<script|url\(/i);
      for (const [, href, text] of mail.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) expect(text).toBe(href);
    });
  }
});

describe('golden mails', () => {
  for (const [name, batch] of Object.entries(BATCHES)) {
    it(`${name}: subject, text and HTML match test/golden/${name}.*`, () => {
      const mail = rendered(batch.records(), batch.zone);
      golden(`${name}.txt`, `Subject: ${mail.subject}\n\n${mail.text}`);
      golden(`${name}.html`, mail.html);
      expect(Buffer.byteLength(mail.html)).toBeLessThan(100_000);
    });
  }

  it('single failure: subject format, hint, time with offset', () => {
    const mail = rendered(BATCHES.single!.records(), 'UTC');
    expect(mail.subject).toBe('[ISE] 1 RADIUS failure, 1 user, top: 22040 Wrong password (1)');
    expect(mail.text).toContain('Hint: Wrong password for an internal user');
    // The date and the zone once, in the header; the row's time alone.
    expect(mail.text).toContain('23 Nov 2026, 09:00:00 (UTC)');
    expect(mail.text).toContain('  09:00:00  1x  user1, 00:11:22:33:44:55');
    // One failure shown alone: its switch port, PSN and audit session id.
    expect(mail.text).toMatch(/port\s+GigabitEthernet1\/0\/12, PSN ise-psn-01/);
    expect(mail.text).toContain('Audit session 0A0A0A0B00000F2A6C1D3E44');
    expect(mail.text).not.toContain('more rows');
  });

  it('300 mixed: summary before details, details capped at 50 with the rest in the attachment', () => {
    const mail = rendered(BATCHES['mixed-300']!.records(), 'Europe/Zurich');
    expect(mail.subject).toMatch(/^\[ISE\] 300 RADIUS failures, 8 users, top: \d+ .+ \(\d+\)$/);
    const t = mail.text;
    expect(t.indexOf('BY REASON')).toBeLessThan(t.indexOf('BY NAS'));
    expect(t.indexOf('TOP ENDPOINTS')).toBeLessThan(t.indexOf('DETAILS'));
    expect(t).toMatch(/23 Nov 2026, 10:00:00 to 10:29:54 \(Europe\/Zurich, UTC\+01:00\)/);
    const more = Number(/\.\.\. and (\d+) more rows in the attachment failures\.csv\.gz/.exec(t)?.[1]);
    const counts = [...t.matchAll(/^ {2}\d\d:\d\d:\d\d {2}(\d+)x {2}/gm)].reduce((a, m) => a + Number(m[1]), 0);
    expect(more).toBeGreaterThan(0);
    expect(counts).toBeLessThan(300); // the shown rows hold some of the 300, the attachment all
    expect(t).toMatch(/^ {2}\d\d:\d\d:\d\d {2}[2-9]x {2}/m); // identical failures were collapsed
    const detailLines = t
      .split('DETAILS')[1]!
      .split('\n')
      .filter((l) => /^ {2}\d\d:\d\d:\d\d {2}\d+x {2}/.test(l));
    expect(detailLines).toHaveLength(50);
    // newest first
    expect(detailLines[0]).toMatch(/^ {2}10:29:54 /);
  });

  it('10 000 from one user collapse into one detail row', () => {
    const mail = rendered(BATCHES['one-user-10000']!.records(), 'America/New_York');
    expect(mail.subject).toBe('[ISE] 10000 RADIUS failures, 1 user, top: 24408 Wrong AD password (10000)');
    expect(mail.text).toContain('  04:41:39  10000x  svc-printer, 00:11:22:33:44:55');
    expect(mail.text).toContain('(America/New_York, UTC-05:00)');
  });
});
