// Realistic RADIUS failure records for `npm run bench`: the fields of the two wire samples (the
// Cisco wiki, https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/Radius-Failure, and the capture
// in the original sample's README), about 1.2 KB each, skewed as in a real network: a few users,
// endpoints and NAS cause most failures (Zipf), reasons follow the authentication method, and
// executionSteps has 10-25 codes. Deterministic for a seed: ours and the original see the same batch.

/** mulberry32: tiny seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index 0..n-1 with P(i) ~ 1/(i+1)^s, by inverting a precomputed cumulative table. */
function zipf(n, s) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return (rnd) => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = [
  'anna',
  'ben',
  'chloe',
  'david',
  'emma',
  'felix',
  'grace',
  'hugo',
  'ines',
  'jonas',
  'karin',
  'luca',
  'maria',
  'noah',
  'olga',
  'paul',
  'rosa',
  'samir',
  'tanja',
  'ugo',
  'vera',
  'wei',
  'yara',
  'zoe',
];
const LAST = [
  'meier',
  'schmid',
  'keller',
  'weber',
  'huber',
  'rossi',
  'martin',
  'dubois',
  'nguyen',
  'kim',
  'silva',
  'novak',
  'ali',
  'smith',
  'jones',
  'garcia',
  'muller',
  'costa',
  'berg',
  'larsen',
];

// Method profiles: how the request authenticated decides the steps, store and likely reasons.
const METHODS = [
  {
    w: 45,
    kind: 'peap',
    method: 'MSCHAPV2',
    protocol: 'PEAP (EAP-MSCHAPv2)',
    store: 'CORP-AD',
    service: 'Framed',
    reasons: [
      [40, 5440],
      [20, 24408],
      [15, 5411],
      [10, 12321],
      [8, 22056],
      [4, 15039],
      [3, 24423],
    ],
    steps: [
      '11507',
      '12300',
      '12302',
      '12318',
      '12800',
      '12805',
      '12806',
      '12807',
      '12810',
      '12305',
      '12304',
      '12319',
      '12810',
      '12812',
      '12804',
      '12801',
      '12802',
      '12816',
      '12310',
      '12313',
      '11521',
      '11522',
      '11806',
      '11808',
    ],
  },
  {
    w: 25,
    kind: 'tls',
    method: 'x509_PKI',
    protocol: 'EAP-TLS',
    store: 'Certificate_Profile',
    service: 'Framed',
    reasons: [
      [35, 5440],
      [25, 12514],
      [20, 12935],
      [10, 22045],
      [10, 15039],
    ],
    steps: [
      '11507',
      '12500',
      '12625',
      '11006',
      '11001',
      '11018',
      '12502',
      '12800',
      '12805',
      '12806',
      '12807',
      '12808',
      '12809',
      '12810',
      '12505',
      '12504',
      '12571',
      '12811',
      '12812',
      '12813',
      '12803',
      '12804',
    ],
  },
  {
    w: 20,
    kind: 'mab',
    method: 'Lookup',
    protocol: 'Lookup',
    store: 'Internal Endpoints',
    service: 'Call Check',
    reasons: [
      [55, 15039],
      [25, 22056],
      [20, 11036],
    ],
    steps: ['11027', '15041', '15013', '24209', '24211', '22037', '15036', '15016'],
  },
  {
    w: 10,
    kind: 'pap',
    method: 'PAP_ASCII',
    protocol: 'PAP_ASCII',
    store: 'Internal Users',
    service: 'Login',
    reasons: [
      [60, 22040],
      [25, 22056],
      [15, 11036],
    ],
    steps: ['15041', '22072', '15013', '24210', '24212'],
  },
];

const REASON_TEXT = {
  5411: '5411 Supplicant stopped responding to ISE',
  5440: '5440 Endpoint abandoned EAP session and started new',
  11036: '11036 The Message-Authenticator RADIUS attribute is invalid',
  12321: '12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate',
  12514: '12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
  12935: '12935 Supplicant stopped responding to ISE during EAP-TLS certificate exchange',
  15039: '15039 Rejected per authorization profile',
  22040: '22040 Wrong password or invalid shared secret',
  22045:
    '22045 Identity policy result is configured for password based authentication methods ' +
    'but received certificate based authentication request',
  22056: '22056 Subject not found in the applicable identity store(s)',
  24408: '24408 User authentication against Active Directory failed since user has entered the wrong password',
  24423: '24423 ISE has not been able to confirm previous successful machine authentication',
};
/** Message code of the failed step (5400 "Authentication failed" unless ISE uses a specific one). */
const MESSAGE_CODE = { 5411: 5411, 5440: 5440, 11036: 5405 };

function weighted(rnd, list) {
  const total = list.reduce((s, x) => s + x[0], 0);
  let x = rnd() * total;
  for (const item of list) {
    x -= item[0];
    if (x < 0) return item[1];
  }
  return list[list.length - 1][1];
}

const hex = (rnd, digits) => Array.from({ length: digits }, () => '0123456789ABCDEF'[Math.floor(rnd() * 16)]).join('');
const macOf = (n) =>
  ['00', '1B', 'C5', (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
    .map((b) => (typeof b === 'string' ? b : b.toString(16).padStart(2, '0').toUpperCase()))
    .join(':');

/** The network: 60 access switches, 4 WLCs (most wireless failures), 2 VPN heads. */
function makeNas() {
  const nas = [];
  for (let i = 0; i < 4; i++)
    nas.push({
      name: `wlc-${['hq', 'hq', 'ber', 'zrh'][i]}-0${i + 1}`,
      ip: `10.10.9.${5 + i}`,
      wireless: true,
      loc: `Location#All Locations#${['HQ', 'HQ', 'Bern', 'Zurich'][i]}`,
      type: 'Device Type#All Device Types#Wireless',
    });
  for (let i = 0; i < 60; i++)
    nas.push({
      name: `sw-acc-${String.fromCharCode(97 + (i % 6))}${Math.floor(i / 6) + 1}-${String(i + 1).padStart(2, '0')}`,
      ip: `10.10.${1 + (i % 6)}.${11 + i}`,
      wireless: false,
      loc: `Location#All Locations#Building-${String.fromCharCode(65 + (i % 6))}`,
      type: 'Device Type#All Device Types#Switches',
    });
  for (let i = 0; i < 2; i++)
    nas.push({
      name: `vpn-asa-0${i + 1}`,
      ip: `192.0.2.${10 + i}`,
      wireless: false,
      loc: 'Location#All Locations#DMZ',
      type: 'Device Type#All Device Types#Firewalls',
    });
  return nas;
}

function userName(i, kind) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const n = Math.floor(i / (FIRST.length * LAST.length));
  const base = `${first}.${last}${n ? n + 1 : ''}`;
  if (kind === 'tls')
    return i % 3 ? `host/LT-${(i * 7919).toString(36).toUpperCase()}.corp.example.com` : `${base}@corp.example.com`;
  return i % 4 === 0 ? `CORP\\${base}` : base;
}

/** n records with timestamps spread over [start, end) ms, ascending, ids strictly increasing. */
export function makeRecords(n, { start, end, seed = 7, offsetMinutes = 60 }) {
  const rnd = prng(seed);
  const nas = makeNas();
  const pickNas = zipf(nas.length, 0.9);
  const pickUser = zipf(5000, 0.9);
  const pickPrinter = zipf(800, 1.2);
  const out = new Array(n);
  let id = 1794300801107032n;
  for (let i = 0; i < n; i++) {
    id += BigInt(1 + Math.floor(rnd() * 997));
    out[i] = record(rnd, id.toString(), start + ((end - start) * i) / Math.max(n, 1), offsetMinutes, {
      nas,
      pickNas,
      pickUser,
      pickPrinter,
    });
  }
  return out;
}

function stamp(ms, offsetMinutes) {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(offsetMinutes);
  const two = (n) => String(n).padStart(2, '0');
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** 10-25 step codes: the common start, the method's own steps, the failing step and the reject. */
function steps(rnd, m, code) {
  const head = ['11001', '11017', ...(rnd() < 0.7 ? ['11049'] : []), '15049', '15008', '15048', '15048'];
  const tail = [String(code), '22057', '22061', '11003'];
  const want = m.kind === 'mab' || m.kind === 'pap' ? 10 + Math.floor(rnd() * 5) : 15 + Math.floor(rnd() * 11);
  const body = [];
  for (let i = 0; head.length + body.length + tail.length < want; i++) body.push(m.steps[i % m.steps.length]);
  return [...head, ...body, ...tail];
}

function record(rnd, id, ms, offsetMinutes, pop) {
  const m = weighted(
    rnd,
    METHODS.map((x) => [x.w, x]),
  );
  const code = weighted(rnd, m.reasons);
  const nas = pop.nas[m.kind === 'pap' ? 64 + Math.floor(rnd() * 2) : pop.pickNas(rnd)];
  const u = m.kind === 'mab' ? pop.pickPrinter(rnd) : pop.pickUser(rnd);
  const mac = macOf(m.kind === 'mab' ? 100000 + u : u * 3 + Math.floor(rnd() * rnd() * 3));
  const user = m.kind === 'mab' ? mac.replaceAll(':', '-') : userName(u, m.kind);
  const session = `0A0A${hex(rnd, 20)}`;
  const ip = `10.${nas.wireless ? 30 : 20}.${Math.floor(rnd() * 64)}.${1 + Math.floor(rnd() * 254)}`;
  const ips =
    rnd() < 0.1 ? [] : rnd() < 0.3 ? [ip, `fe80::${hex(rnd, 4).toLowerCase()}:${hex(rnd, 4).toLowerCase()}`] : [ip];
  const port = nas.wireless
    ? 'capwap'
    : nas.type.includes('Firewalls')
      ? ''
      : `GigabitEthernet${1 + Math.floor(rnd() * 2)}/0/${1 + Math.floor(rnd() * 48)}`;
  const psn = `ise-psn-0${1 + Math.floor(rnd() * 4)}`;
  // The union of the fields in the two wire samples (Cisco wiki, obrigg capture): what ISE sends.
  return {
    id,
    timestamp: stamp(ms, offsetMinutes),
    failureReason: REASON_TEXT[code],
    messageCode: MESSAGE_CODE[code] ?? 5400,
    userName: user,
    serverName: psn,
    auditSessionId: session,
    ipAddresses: ips,
    nasIpAddress: nas.ip,
    nasName: nas.name,
    callingStationId: mac,
    originalCallingStationId: mac,
    userType: 'User',
    accessService: 'Default Network Access',
    identityStore: m.store,
    identityGroup: m.kind === 'mab' ? 'Endpoint Identity Groups:Unknown' : 'User Identity Groups:Employees',
    authenticationMethod: m.method,
    authenticationProtocol: m.protocol,
    deviceType: nas.type,
    location: nas.loc,
    response: `{UserName=${user}; RadiusPacketType=AccessReject; AuthenticationResult=Failed; }`,
    responseTime: Math.floor(5 + rnd() * rnd() * 2000),
    executionSteps: steps(rnd, m, code),
    credentialCheck: m.method,
    policySetName: nas.wireless ? 'Wireless 802.1X' : 'Wired 802.1X',
    mseResponseTime: 0,
    authorizationRule: 'Default',
    nasPortId: port,
    nasPortType: nas.wireless ? 'Wireless - IEEE 802.11' : port ? 'Ethernet' : 'Virtual',
    selectedAuthorizationProfiles: ['DenyAccess'],
    serviceType: m.service,
  };
}
