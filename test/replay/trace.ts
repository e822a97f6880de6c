// The replayed week (issue 15): a diurnal background of realistic failure reasons on the campus of
// campus.ts, and six injected incidents whose onset is known. Seeded: the same seed, the same week.
import { type FailureRecord, formatTimestamp, makeFailure, whoAndWhere } from '../fake/records';
import { buildCampus, type Campus, mac, type Nas, type User } from './campus';

const MIN = 60_000;
const DAY = 86_400_000;

interface Reason {
  text: string;
  protocol: string;
  store: string;
}
const R = (text: string, protocol = 'PEAP (EAP-MSCHAPv2)', store = 'CORP-AD'): Reason => ({ text, protocol, store });
export const REASONS = {
  eapAbandoned: R('5440 Endpoint abandoned EAP session and started new', 'EAP-TLS', 'Certificate_Profile'),
  silent: R('5411 Supplicant stopped responding to ISE'),
  unknownMac: R('22056 Subject not found in the applicable identity store(s)', 'Lookup', 'Internal Endpoints'),
  adPassword: R('24408 User authentication against Active Directory failed since user has entered the wrong password'),
  internalPassword: R('22040 Wrong password or invalid shared secret', 'PAP_ASCII', 'Internal Users'),
  authz: R('15039 Rejected per authorization profile'),
  machine: R('24423 ISE has not been able to confirm previous successful machine authentication'),
  unknownCa: R(
    '12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
    'EAP-TLS',
    'Certificate_Profile',
  ),
  peapCert: R('12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate'),
  tlsClosed: R('11514 Unexpectedly received empty TLS message; treating as a rejection by the client'),
  tlsSilent: R(
    '12935 Supplicant stopped responding to ISE during EAP-TLS certificate exchange',
    'EAP-TLS',
    'Certificate_Profile',
  ),
  disabled: R('24206 User disabled', 'PAP_ASCII', 'Internal Users'),
  certExpected: R(
    '22044 Identity policy result is configured for certificate based authentication methods but received ' +
      'password based',
    'PEAP (EAP-MSCHAPv2)',
    'Certificate_Profile',
  ),
  clientFailure: R('12308 Client sent Result TLV indicating failure'),
  // Injected only.
  secret: R('11036 The Message-Authenticator RADIUS attribute is invalid', 'Unknown', ''),
  eapTlsCert: R(
    '12520 EAP-TLS failed SSL/TLS handshake because the client rejected the ISE local-certificate',
    'EAP-TLS',
    'Certificate_Profile',
  ),
  adDown: R('24495 Active Directory servers are not available'),
  unknownUser: R('22056 Subject not found in the applicable identity store(s)'),
  adTimeout: R('24454 User authentication against Active Directory failed because of a timeout error'),
  adError: R('24444 Active Directory operation has failed because of an unspecified error in the ISE'),
  adDisabled: R("24409 User authentication against Active Directory failed since user's account is disabled"),
  adExpired: R("24414 User authentication against Active Directory failed since user's account has expired"),
  passwordExpected: R(
    '22045 Identity policy result is configured for password based authentication methods but received ' +
      'certificate based authentication request',
    'EAP-TLS',
    'CORP-AD',
  ),
} as const;

/** A failure before ids are given (they follow time order). */
type Draft = Omit<FailureRecord, 'id' | 'timestamp'> & { t: number };

function draft(c: Campus, t: number, user: string, station: string, nas: Nas, reason: Reason): Draft {
  const type = nas.kind === 'wlc' ? 'Wireless' : nas.kind === 'vpn' ? 'Firewalls' : 'Switches';
  return {
    t,
    ...whoAndWhere(user, station, {
      name: nas.name,
      ip: nas.ip,
      loc: nas.location,
      type: `Device Type#All Device Types#${type}`,
    }),
    failureReason: reason.text,
    authenticationProtocol: reason.protocol,
    identityStore: reason.store,
    nasPortType: nas.kind === 'wlc' ? 'Wireless - IEEE 802.11' : nas.kind === 'vpn' ? 'Virtual' : 'Ethernet',
    // Each wired endpoint on a port of its own (the fake's default port would put a switch on one).
    nasPortId: nas.kind === 'switch' ? `GigabitEthernet1/0/${1 + (portOf(station) % 48)}` : `${nas.kind}-1`,
    responseTime: 5 + Math.floor(c.rnd() * 400),
  };
}

function portOf(station: string): number {
  let h = 0;
  for (const ch of station) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** Weekday failures by local hour (office hours peak), weekends at a third. */
const HOURLY = [
  0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.8, 1.6, 1.9, 1.8, 1.6, 1.3, 1.6, 1.7, 1.5, 1.2, 0.8, 0.5, 0.4, 0.35, 0.3, 0.25,
  0.2,
];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);
export function activity(t: number): number {
  const d = new Date(t);
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  return (HOURLY[d.getUTCHours()]! / HOURLY_SUM) * 24 * (weekend ? 0.35 : 1);
}

function poisson(rnd: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rnd(); p > limit; p *= rnd()) k++;
  return k;
}

/** Share of background failures per kind of event (a password "event" is a burst of 1-3). */
const MIX: Array<[number, (c: Campus, t: number, out: Draft[]) => void]> = [
  [0.25, (c, t, out) => wireless(c, t, out, REASONS.eapAbandoned)],
  [0.13, (c, t, out) => wireless(c, t, out, REASONS.silent)],
  [
    0.12,
    (c, t, out) => {
      const d = c.unknown[Math.floor(c.rnd() * c.unknown.length)]!;
      out.push(draft(c, t, d.mac, d.mac, d.nas, REASONS.unknownMac));
    },
  ],
  [0.07, (c, t, out) => burst(c, t, out, c.pickUser(), REASONS.adPassword)],
  [
    0.03,
    (c, t, out) => {
      const u = c.pickUser();
      burst(c, t, out, u, REASONS.internalPassword, c.vpns[Math.floor(c.rnd() * 2)]!, u.laptop);
    },
  ],
  [0.05, (c, t, out) => wired(c, t, out, REASONS.authz)],
  [0.04, (c, t, out) => wired(c, t, out, REASONS.machine)],
  [0.03, (c, t, out) => wireless(c, t, out, REASONS.unknownCa)],
  [0.03, (c, t, out) => wireless(c, t, out, REASONS.peapCert)],
  [0.02, (c, t, out) => wireless(c, t, out, REASONS.tlsClosed)],
  [0.02, (c, t, out) => wired(c, t, out, REASONS.tlsSilent)],
  [
    0.02,
    (c, t, out) => {
      const u = c.users[Math.floor(c.rnd() * 10) * 97]!;
      out.push(draft(c, t, u.name, u.phone, u.wlc, REASONS.disabled));
    },
  ],
  [0.01, (c, t, out) => wired(c, t, out, REASONS.certExpected)],
  [0.01, (c, t, out) => wireless(c, t, out, REASONS.clientFailure)],
];
const MIX_SUM = MIX.reduce((a, [w]) => a + w, 0);

/** The kind of event at position `x` of the cumulative mix. */
function kindAt(x: number): (c: Campus, t: number, out: Draft[]) => void {
  let left = x;
  for (const [w, make] of MIX) {
    left -= w;
    if (left < 0) return make;
  }
  return MIX[0]![1];
}

function wireless(c: Campus, t: number, out: Draft[], r: Reason, u: User = c.pickUser()): void {
  out.push(draft(c, t, u.name, c.rnd() < 0.6 ? u.phone : u.laptop, u.wlc, r));
}
function wired(c: Campus, t: number, out: Draft[], r: Reason, u: User = c.pickUser()): void {
  out.push(draft(c, t, u.name, u.laptop, u.desk, r));
}
/** A user mistyping: 1 to 3 failures within a minute or two. */
function burst(c: Campus, t: number, out: Draft[], u: User, r: Reason, nas = u.wlc, station = u.phone): void {
  const n = c.rnd() < 0.6 ? 1 : c.rnd() < 0.75 ? 2 : 3;
  for (let i = 0; i < n; i++) out.push(draft(c, t + i * (20_000 + c.rnd() * 40_000), u.name, station, nas, r));
}

/** About `perDay` failures a day on weekdays (less at weekends), drawn minute by minute. */
export function background(c: Campus, start: number, days: number, perDay: number): Draft[] {
  const out: Draft[] = [];
  // A tenth of events are password bursts of 1.55 failures on average; weekends run at 0.35; the
  // two printers add 192 a day.
  const eventsPerDay = (perDay - 192) / ((1.055 * (5 + 2 * 0.35)) / 7);
  for (let t = start; t < start + days * DAY; t += MIN) {
    const n = poisson(c.rnd, (eventsPerDay / 1440) * activity(t));
    for (let i = 0; i < n; i++) {
      kindAt(c.rnd() * MIX_SUM)(c, t + Math.floor(c.rnd() * MIN), out);
    }
  }
  // Two printers with a stale internal password, retrying every 15 minutes all week.
  for (const d of c.devices.slice(0, 2)) {
    for (let t = start + c.rnd() * 15 * MIN; t < start + days * DAY; t += 15 * MIN + (c.rnd() - 0.5) * MIN) {
      out.push(draft(c, t, `svc-printer-${d.mac.slice(-5).replace(':', '')}`, d.mac, d.nas, REASONS.internalPassword));
    }
  }
  return out;
}

export { buildCampus, type Draft, draft, mac, poisson };

/** Ids in time order, ISE-style 16-digit strings; full ~1.5 KB records. */
export function finish(drafts: Draft[]): FailureRecord[] {
  drafts.sort((a, b) => a.t - b.t);
  let id = 1700000000000000n;
  return drafts.map(({ t, ...fields }, i) => {
    id += BigInt(1 + (i % 7));
    return makeFailure({ ...fields, id: id.toString(), timestamp: formatTimestamp(Math.floor(t)) }, i);
  });
}
