// Issue 24's additions to the replayed week: a password spray from one endpoint, failed
// administrator logins against a firewall (both injected, with a known onset), and background
// that must open nothing: a busy user failing all week, single failures of rare user-level codes,
// administrators mistyping on the switches' VTY lines.
import type { Campus, Nas } from './campus';
import type { Injected } from './injected';
import { type Draft, draft, mac, REASONS } from './trace';

const MIN = 60_000;
const DAY = 86_400_000;

const during = (onset: number, end: number, at: number) => at >= onset && at <= end + 60 * MIN;

/** Tuesday 15:30: 400 user names, one wrong password each, from one endpoint on one switch port in 15 min. */
function spray(c: Campus, start: number): Injected {
  const nas = c.switches.find((s) => s.name === 'sw-b4-02')!;
  const station = mac(c.rnd);
  const onset = start + DAY + (15 * 60 + 30) * MIN;
  const end = onset + 15 * MIN;
  const drafts = c.users.slice(0, 400).map((u, i) => ({
    ...draft(c, onset + (i * 15 * MIN) / 400, u.name, station, nas, REASONS.adPassword),
    nasPortId: 'GigabitEthernet1/0/33',
  }));
  return {
    name: 'password spray from one endpoint',
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && (i.rule === 'guessing' || i.nas === nas.name),
  };
}

const FIREWALL: Nas = { name: 'fw-dc-1', ip: '192.0.2.50', location: 'Location#All Locations#DC', kind: 'vpn' };
const adminLogin = (d: Draft, source: string, serviceType = 'Administrative'): Draft => ({
  ...d,
  callingStationId: source,
  originalCallingStationId: source,
  macAddress: undefined,
  serviceType,
  nasPortType: 'Virtual',
  nasPortId: 'tty2',
});

/** Thursday 22:40: someone tries admin accounts against the firewall's management API, 30 times in 12 min. */
function adminBruteForce(c: Campus, start: number): Injected {
  const onset = start + 3 * DAY + (22 * 60 + 40) * MIN;
  const end = onset + 12 * MIN;
  const names = ['admin', 'root', 'cisco', 'administrator'];
  const drafts = Array.from({ length: 30 }, (_, k) =>
    adminLogin(
      draft(c, onset + k * 24_000, names[k % 4]!, '', FIREWALL, k % 4 ? REASONS.unknownUser : REASONS.adPassword),
      '203.0.113.45',
    ),
  );
  return {
    name: 'failed admin logins on a firewall',
    onset,
    end,
    drafts,
    matches: (i, at) => during(onset, end, at) && i.rule === 'admin-login',
  };
}

export function injectCauses(c: Campus, start: number): Injected[] {
  return [spray(c, start), adminBruteForce(c, start)];
}

/** Background that must open no incident. */
export function quietNoise(c: Campus, start: number, days: number): Draft[] {
  const out: Draft[] = [];
  // The stale-phone user of injected.ts: a laptop abandoning EAP every ~3 minutes, office hours, all week.
  const busy = c.users[1234]!;
  for (let t = start; t < start + days * DAY; t += (2 + c.rnd() * 2) * MIN) {
    const h = new Date(t).getUTCHours();
    if (h >= 7 && h < 19) out.push(draft(c, t, busy.name, busy.laptop, busy.desk, REASONS.eapAbandoned));
  }
  // Single failures of rare user-level codes after the learning day: a leaver, an expired contractor.
  const rare: Array<[number, keyof typeof REASONS]> = [
    [1 * DAY + 11 * 60 * MIN, 'adDisabled'],
    [2 * DAY + 9.5 * 60 * MIN, 'adExpired'],
    [3 * DAY + 16 * 60 * MIN, 'adDisabled'],
    [4 * DAY + 14 * 60 * MIN, 'adExpired'],
    [5 * DAY + 10 * 60 * MIN, 'adDisabled'],
  ];
  for (const [at, reason] of rare) {
    const u = c.users[Math.floor(c.rnd() * c.users.length)]!;
    out.push(draft(c, start + at, u.name, u.laptop, u.desk, REASONS[reason]));
  }
  // Administrators mistyping on a switch's VTY line: one or two failures, three times a day.
  for (let d = 0; d < days; d++) {
    for (const hour of [8.5, 13, 17.2]) {
      const sw = c.switches[Math.floor(c.rnd() * c.switches.length)]!;
      const t = start + d * DAY + hour * 60 * MIN;
      for (let k = 0; k < 1 + Math.floor(c.rnd() * 2); k++)
        out.push(
          adminLogin(draft(c, t + k * 20_000, 'netadmin', '', sw, REASONS.internalPassword), '10.99.0.5', 'Login'),
        );
    }
  }
  return out;
}
