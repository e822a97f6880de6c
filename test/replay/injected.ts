// The six incidents injected into the replayed week, each with its known onset and a test that
// tells whether an incident ise-to-mail opened is about it.
import type { Campus, User } from './campus';
import { activity, type Draft, draft, mac, poisson, REASONS } from './trace';

const MIN = 60_000;
const DAY = 86_400_000;

/** What the replay reads back from incidents.json about an incident the bundle opened. */
export interface OpenedIncident {
  id: string;
  rule: string;
  scope: string;
  nas?: string;
  code?: string;
  subject?: string;
  /** Failures it held (the most seen while it was open). */
  failures?: number;
  openedAt?: number;
}

export interface Injected {
  name: string;
  onset: number;
  end: number;
  drafts: Draft[];
  /** Is this opened incident (opened at `at`) about this injection? */
  matches(i: OpenedIncident, at: number): boolean;
}

/** Opened from the onset until an hour after the end (a late detection still counts). */
const during = (onset: number, end: number, at: number) => at >= onset && at <= end + 60 * MIN;
const uniformUser = (c: Campus) => c.users[Math.floor(c.rnd() * c.users.length)]!;

/** A switch gets the wrong RADIUS key: every endpoint on it fails 11036 until it is fixed. */
function wrongSecret(c: Campus, start: number): Injected {
  const nas = c.switches.find((s) => s.name === 'sw-b2-03')!;
  const onset = start + DAY + (10 * 60 + 2) * MIN;
  const end = onset + 39 * MIN;
  const drafts: Draft[] = [];
  const endpoints = [
    ...c.users.filter((u) => u.desk === nas).map((u) => [u.name, u.laptop]),
    ...c.devices.filter((d) => d.nas === nas).map((d) => [d.mac, d.mac]),
  ];
  for (const [user, station] of endpoints) {
    for (let t = onset + c.rnd() * 4 * MIN; t < end; t += (2 + c.rnd() * 4) * MIN)
      drafts.push(draft(c, t, user!, station!, nas, REASONS.secret));
  }
  return {
    name: 'NAS with a wrong shared secret',
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && (i.nas === nas.name || i.code === '11036'),
  };
}

/** A stream of failures at `perMinute` (scaled by the hour's activity) between onset and end. */
function stream(
  c: Campus,
  onset: number,
  end: number,
  perMinute: number,
  make: (t: number, u: User) => Draft,
): Draft[] {
  const out: Draft[] = [];
  for (let t = onset; t < end; t += MIN) {
    const n = poisson(c.rnd, perMinute * Math.min(1, activity(t) / 1.5));
    for (let k = 0; k < n; k++) out.push(make(Math.min(end - 1, t + c.rnd() * MIN), uniformUser(c)));
  }
  return out;
}

/** The ISE EAP server certificate expires at 07:30: clients refuse it until it is renewed. */
function expiredCert(c: Campus, start: number): Injected {
  const onset = start + 2 * DAY + (7 * 60 + 30) * MIN;
  const end = onset + 3 * 60 * MIN;
  const drafts = stream(c, onset, end, 25, (t, u) => {
    const x = c.rnd();
    const r = x < 0.7 ? REASONS.peapCert : x < 0.9 ? REASONS.eapTlsCert : REASONS.silent;
    return c.rnd() < 0.7 ? draft(c, t, u.name, u.phone, u.wlc, r) : draft(c, t, u.name, u.laptop, u.desk, r);
  });
  const codes = ['12321', '12520', '5411'];
  return {
    name: 'expired EAP server certificate',
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && (codes.includes(i.code ?? '') || i.scope === 'all'),
  };
}

/**
 * ISE loses every domain controller for 20 minutes, as ISE logs it: a first timeout (24454), then
 * 24444 and 24495 "Active Directory servers are not available" on every NAS.
 */
function adDown(c: Campus, start: number): Injected {
  const onset = start + 3 * DAY + (14 * 60 + 10) * MIN;
  const end = onset + 20 * MIN;
  const first = c.users[77]!;
  const drafts = [
    draft(c, onset, first.name, first.laptop, first.desk, REASONS.adTimeout),
    ...stream(c, onset + 2 * MIN, end, 60, (t, u) => {
      const x = c.rnd();
      const r = x < 0.25 ? REASONS.adTimeout : x < 0.45 ? REASONS.adError : REASONS.adDown;
      return draft(c, t, u.name, c.rnd() < 0.6 ? u.phone : u.laptop, c.rnd() < 0.6 ? u.wlc : u.desk, r);
    }),
  ];
  const codes = ['24495', '24454', '24444'];
  return {
    name: 'AD unreachable for 20 minutes',
    onset,
    end,
    drafts,
    matches: (i, at) =>
      during(onset, end, at) && (codes.includes(i.code ?? '') || i.scope === 'store' || i.scope === 'all'),
  };
}

/** After a password change, one user's phone keeps the old one and retries every 20-60 s. */
function stalePhoneLockout(c: Campus, start: number): Injected {
  const u = c.users[1234]!;
  const onset = start + 4 * DAY + (11 * 60 + 20) * MIN;
  const end = onset + 105 * MIN;
  const drafts: Draft[] = [];
  for (let t = onset; t < end; t += (20 + c.rnd() * 40) * 1000)
    drafts.push(draft(c, t, u.name, u.phone, u.wlc, REASONS.adPassword));
  return {
    name: `${u.name} locked out by a phone with a stale password`,
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && (i.subject === u.name || i.subject === u.phone),
  };
}

/** A policy change at 09:05 rejects the contractors group: each of them fails on every re-auth. */
function policyChange(c: Campus, start: number): Injected {
  const onset = start + 3 * DAY + (9 * 60 + 5) * MIN;
  const end = onset + 145 * MIN;
  const drafts: Draft[] = [];
  for (const u of c.users.filter((x) => x.contractor)) {
    for (let t = onset + c.rnd() * 40 * MIN; t < end; t += (20 + c.rnd() * 60) * MIN) {
      const tries = 1 + Math.floor(c.rnd() * 3);
      for (let k = 0; k < tries; k++)
        drafts.push(draft(c, t + k * 15_000, u.name, u.laptop, c.rnd() < 0.5 ? u.desk : u.wlc, REASONS.authz));
    }
  }
  return {
    name: 'policy change rejecting a group',
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && i.code === '15039',
  };
}

/** Saturday 14:00: three lab laptops with a new image try EAP-TLS where passwords are expected. */
function neverSeen(c: Campus, start: number): Injected {
  const onset = start + 5 * DAY + 14 * 60 * MIN + 17_000;
  const end = start + 7 * DAY;
  const nas = c.switches.find((s) => s.name === 'sw-b7-04')!;
  const drafts: Draft[] = [];
  for (let k = 0; k < 3; k++) {
    const station = mac(c.rnd);
    for (let t = onset + k * 7 * MIN; t < end; t += (20 + c.rnd() * 40) * MIN)
      drafts.push(draft(c, t, `host/LAB-PC-${k + 1}`, station, nas, REASONS.passwordExpected));
  }
  return {
    name: 'a reason never seen before',
    onset,
    end,
    drafts,
    matches: (i, at) => at >= onset && (i.code === '22045' || i.nas === nas.name),
  };
}

export function inject(c: Campus, start: number): Injected[] {
  return [
    wrongSecret(c, start),
    expiredCert(c, start),
    policyChange(c, start),
    adDown(c, start),
    stalePhoneLockout(c, start),
    neverSeen(c, start),
  ];
}
