// Golden tests of the rendered mail: subject, text and HTML for fixed batches, fixed zones.
// UPDATE_GOLDEN=1 npx vitest run test/unit/mail-golden.test.ts rewrites the files under test/unit/golden/.
// Without it a missing golden file is a failure, never silently written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { render } from '../../src/render/render';
import { Rollup } from '../../src/rollup/rollup';
import { makeFailure, makeFailures } from '../fake/records';

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
    expect(mail.text).toContain('2026-11-23 09:00:00 +00:00');
    expect(mail.text).not.toContain('more rows');
  });

  it('300 mixed: summary before details, details capped at 50 with the rest in the attachment', () => {
    const mail = rendered(BATCHES['mixed-300']!.records(), 'Europe/Zurich');
    expect(mail.subject).toMatch(/^\[ISE\] 300 RADIUS failures, 8 users, top: \d+ .+ \(\d+\)$/);
    const t = mail.text;
    expect(t.indexOf('BY REASON')).toBeLessThan(t.indexOf('BY NAS'));
    expect(t.indexOf('TOP ENDPOINTS')).toBeLessThan(t.indexOf('DETAILS'));
    expect(t).toMatch(/2026-11-23 10:\d\d:\d\d \+01:00/);
    const more = Number(/\.\.\. and (\d+) more rows in the attachment failures\.csv\.gz/.exec(t)?.[1]);
    const counts = [...t.matchAll(/ \| (\d+)x \| /g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(more).toBeGreaterThan(0);
    expect(counts).toBeLessThan(300); // the shown rows hold some of the 300, the attachment all
    expect(t).toMatch(/ \| [2-9]x \| /); // identical failures were collapsed
    const detailLines = t
      .split('DETAILS')[1]!
      .split('\n')
      .filter((l) => / \| \d+x \| /.test(l));
    expect(detailLines).toHaveLength(50);
    // newest first
    expect(detailLines[0]).toContain('2026-11-23 10:29:54 +01:00');
  });

  it('10 000 from one user collapse into one detail row', () => {
    const mail = rendered(BATCHES['one-user-10000']!.records(), 'America/New_York');
    expect(mail.subject).toBe('[ISE] 10000 RADIUS failures, 1 user, top: 24408 Wrong AD password (10000)');
    expect(mail.text).toContain(' | 10000x | svc-printer | ');
    expect(mail.text).toContain('-05:00');
  });
});
