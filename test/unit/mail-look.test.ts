// "Look in ISE": every mail says where its failures are in ISE (Operations > RADIUS > Live Logs),
// with a link only when ISE_ADMIN_URL is set, and suggests a Live Logs filter only when it shows
// every failure of the mail and is the value as ISE has it (never a value cut short or cleaned).
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident';
import { incidentLead } from '../../src/incidents/mail';
import { render } from '../../src/render/render';
import { clockFor } from '../../src/render/time';
import { Rollup } from '../../src/rollup/rollup';
import { type FailureRecord, makeFailure } from '../fake/records';
import { KINDS, NOW } from '../helpers/mail-kinds';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);

function mail(records: Partial<FailureRecord>[], adminUrl?: string) {
  const d = new Rollup();
  records.forEach((r, i) => d.add(makeFailure({ timestamp: new Date(T + i * 1000).toISOString(), ...r }, i)));
  const context = { device: 'c9300-core-01', ise: 'ise-px1.example.net:8910', adminUrl };
  return render(d, { subjectPrefix: '[ISE]', maxRows: 50, timeZone: 'UTC', context });
}

/** The text part with its wrapping undone (continuation lines are indented). */
const flat = (text: string) => text.replace(/\n +/g, ' ');
const lookLine = (text: string) =>
  flat(text)
    .split('\n')
    .find((l) => l.startsWith('Look in ISE:'));

describe('Look in ISE', () => {
  it('without ISE_ADMIN_URL still says where to look, in both parts, with no link', () => {
    const m = mail([{ userName: 'alice', nasName: 'sw-a1' }]);
    expect(lookLine(m.text)).toBe(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Network Device sw-a1 or Identity alice',
    );
    expect(m.html).toContain('<b>Look in ISE:</b> Operations &gt; RADIUS &gt; Live Logs; filter Network Device sw-a1');
    expect(m.text).not.toContain('/admin/');
  });

  it('with ISE_ADMIN_URL gives the link on a line of its own, then the steps', () => {
    const m = mail([{ userName: 'alice', nasName: 'sw-a1' }], 'https://ise-pan.example.net');
    expect(m.text).toContain(
      'Look in ISE:\nhttps://ise-pan.example.net/admin/\n  then Operations > RADIUS > Live Logs;',
    );
    expect(m.html).toContain('href="https://ise-pan.example.net/admin/"');
  });

  it('names an Identity only when every failure of the mail is that one user', () => {
    const many = mail([
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'bob', nasName: 'sw-a1' },
    ]);
    expect(lookLine(many.text)).toBe('Look in ISE: Operations > RADIUS > Live Logs; filter Network Device sw-a1');
    const spread = mail([
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'bob', nasName: 'sw-b2' },
    ]);
    expect(lookLine(spread.text)).toBe('Look in ISE: Operations > RADIUS > Live Logs');
    const one = mail([
      { userName: 'alice', nasName: 'sw-a1' },
      { userName: 'alice', nasName: 'sw-b2' },
    ]);
    expect(lookLine(one.text)).toBe('Look in ISE: Operations > RADIUS > Live Logs; filter Identity alice');
  });

  it('never suggests a value that was cut short or cleaned: it would match nothing in Live Logs', () => {
    const long = `<script>alert(1)</script>${'x'.repeat(80)}`;
    expect(lookLine(mail([{ userName: long, nasName: 'sw-a1' }]).text)).toBe(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Network Device sw-a1',
    );
    expect(lookLine(mail([{ userName: 'alice', nasName: `nas-${'y'.repeat(300)}` }]).text)).toBe(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Identity alice',
    );
    expect(lookLine(mail([{ userName: 'al\u202eice', nasName: 'sw-a1' }]).text)).toBe(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Network Device sw-a1',
    );
  });

  it('an opened incident says where to look without ISE_ADMIN_URL too', () => {
    const lead = incidentLead(
      { opened: [{ ...incident(), nas: 'sw-access-b2' }], ongoing: [], resolved: [] },
      clockFor('UTC', NOW - 60_000, NOW),
      { quietMs: 30 * 60_000 },
    );
    expect(flat(lead!.text.join('\n'))).toContain(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Network Device sw-access-b2',
    );
    expect(lead!.html).toContain('<b>Look in ISE:</b> Operations &gt; RADIUS &gt; Live Logs');
  });

  it("an incident's NAS name cut short gives way to its user; neither typeable, no filter", () => {
    const clock = clockFor('UTC', NOW - 60_000, NOW);
    const long = `nas-${'y'.repeat(90)}`;
    const lead = (i: Partial<Incident>) =>
      incidentLead({ opened: [{ ...incident(), ...i }], ongoing: [], resolved: [] }, clock, { quietMs: 60_000 })!;
    const withUser = lead({ nas: long, subject: 'jdoe' });
    expect(flat(withUser.text.join('\n'))).toContain(
      'Look in ISE: Operations > RADIUS > Live Logs; filter Identity jdoe',
    );
    expect(withUser.filters).toBe(true);
    const none = lead({ nas: long });
    expect(flat(none.text.join('\n'))).toContain('Look in ISE: Operations > RADIUS > Live Logs\n');
    expect(none.filters).toBe(false);
  });

  it('in an incident mail, the failures below add no second, different filter', () => {
    const text = flat(KINDS.incident!().text);
    expect(text.match(/; filter [^\n]*/g)).toEqual(['; filter Network Device sw-access-b2']);
    // Both cards still say where to look: the incident's with its filter, the failures' without.
    expect(text.match(/Operations > RADIUS > Live Logs/g)).toHaveLength(2);
  });
});

describe('incident wording', () => {
  it('the footnote gives the quiet time, not only the setting; RESOLVED says it once', () => {
    // Some paragraphs wrap without an indent: compare words only.
    const text = KINDS.incident!().text.replace(/\s+/g, ' ');
    expect(text).toContain('after 30 min without one (INCIDENT_QUIET), the next mail says it is RESOLVED');
    expect(text).not.toContain('after INCIDENT_QUIET without');
    expect(text).toContain('RESOLVED jdoe: 12 failed attempts in 10 min (lockout?), 08:55-09:20, 12 failures');
    expect(text).not.toContain(': resolved,');
  });
});

function incident(): Incident {
  return {
    id: 'nas:sw-access-b2:11036',
    rule: 'nas-wide',
    scope: 'nas',
    code: '11036',
    reason: '11036 The Message-Authenticator RADIUS attribute is invalid',
    title: 'sw-access-b2: 6 users failing 11036 (RADIUS shared secret?)',
    evidence: [],
    users: ['alice'],
    usersCount: '1',
    endpoints: [],
    endpointsCount: '0',
    since: NOW - 14 * 60_000,
    last: NOW - 2 * 60_000,
    quietUntil: NOW + 30 * 60_000,
    openedAt: NOW,
    failures: 14,
    reported: 0,
    mailed: false,
    silent: false,
  };
}
