// Realistic RADIUS failure records (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/Radius-Failure), shaped
// after the Cisco wiki sample
// and the obrigg capture, padded with the other documented fields to ~1.5 KB like real ISE.

/** All fields but id/timestamp are optional on the wire; unknown extras must survive. */
export interface FailureRecord {
  id: string;
  timestamp: string;
  failureReason?: string;
  messageCode?: number;
  userName?: string;
  callingStationId?: string;
  nasIpAddress?: string;
  nasName?: string;
  networkDeviceName?: string;
  location?: string;
  deviceType?: string;
  identityStore?: string;
  executionSteps?: string[];
  response?: string;
  [field: string]: unknown;
}

/** Base for generated ids: 16 digits, room for >1e8 increments before a 17th digit. */
const ID_BASE = 1603571391695194n;

/** Renders an instant as ISE does: milliseconds plus `Z` or a fixed `±hh:mm` offset. */
export function formatTimestamp(ms: number, offsetMinutes?: number): string {
  if (offsetMinutes === undefined) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

const PAP_STEPS = [
  '11001',
  '11017',
  '11049',
  '15049',
  '15008',
  '15048',
  '15041',
  '15048',
  '22072',
  '15013',
  '24210',
  '24212',
  '22040',
  '22057',
  '22061',
  '11003',
];

/**
 * One failure record. Timestamp defaults to "now" so it lands in getFailures' default
 * one-hour window; `seq` only varies the id.
 */
export function makeFailure(overrides: Partial<FailureRecord> = {}, seq = 0): FailureRecord {
  const base: FailureRecord = {
    id: (ID_BASE + BigInt(seq)).toString(),
    timestamp: new Date().toISOString(),
    failureReason: '22040 Wrong password or invalid shared secret',
    messageCode: 5400,
    userName: 'user1',
    serverName: 'ise-psn-01',
    auditSessionId: '0A0A0A0B00000F2A6C1D3E44',
    ipAddresses: ['10.20.30.41'],
    nasIpAddress: '172.21.170.242',
    nasName: 'sw-access-a1.example.net',
    nasPortId: 'GigabitEthernet1/0/12',
    nasPortType: 'Ethernet',
    callingStationId: '00:11:22:33:44:55',
    originalCallingStationId: '00:11:22:33:44:55',
    macAddress: '00:11:22:33:44:55',
    userType: 'User',
    accessService: 'Default Network Access',
    identityStore: 'Internal Users',
    identityGroup: 'User Identity Groups:Employees',
    authenticationMethod: 'PAP_ASCII',
    authenticationProtocol: 'PAP_ASCII',
    serviceType: 'Framed',
    networkDeviceName: 'sw-access-a1',
    deviceType: 'Device Type#All Device Types#Switches',
    location: 'Location#All Locations#Building-A',
    selectedAznProfiles: 'DenyAccess',
    postureStatus: 'NotApplicable',
    destinationIpAddress: '10.1.100.21',
    ctsSecurityGroup: '',
    mdmServerName: '',
    response:
      '{UserName=user1; Class=CACS:0A0A0A0B00000F2A6C1D3E44:ise-psn-01/492817364/118; ' +
      'RadiusPacketType=AccessReject; AuthenticationResult=Failed; ' +
      'EAP-Key-Name=; cisco-av-pair=audit-session-id=0A0A0A0B00000F2A6C1D3E44; }',
    responseTime: 325,
    executionSteps: PAP_STEPS,
    credentialCheck: 'PAP_ASCII',
    endpointProfile: 'Unknown',
    policySetName: 'Default',
    authorizationRule: 'Default',
    mseResponseTime: 0,
    mseServerName: '',
  };
  return { ...base, ...overrides } as FailureRecord;
}

interface Reason {
  text: string;
  code: number;
  protocol: string;
  store: string;
  step: string;
}

const REASONS: Reason[] = [
  {
    text: '22040 Wrong password or invalid shared secret',
    code: 5400,
    protocol: 'PAP_ASCII',
    store: 'Internal Users',
    step: '22040',
  },
  {
    text: '22056 Subject not found in the applicable identity store(s)',
    code: 5400,
    protocol: 'PEAP (EAP-MSCHAPv2)',
    store: 'Internal Users',
    step: '22056',
  },
  {
    text: '24408 User authentication against Active Directory failed since user has entered the wrong password',
    code: 5400,
    protocol: 'PEAP (EAP-MSCHAPv2)',
    store: 'CORP-AD',
    step: '24408',
  },
  {
    text: '12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
    code: 5400,
    protocol: 'EAP-TLS',
    store: 'Certificate_Profile',
    step: '12514',
  },
  { text: '5411 Supplicant stopped responding to ISE', code: 5411, protocol: 'PEAP', store: 'CORP-AD', step: '12929' },
  {
    text: '5440 Endpoint abandoned EAP session and started new',
    code: 5440,
    protocol: 'EAP-TLS',
    store: 'Certificate_Profile',
    step: '12304',
  },
  {
    text: '15039 Rejected per authorization profile',
    code: 5400,
    protocol: 'Lookup',
    store: 'Internal Endpoints',
    step: '15039',
  },
  {
    text: '11036 The Message-Authenticator RADIUS attribute is invalid',
    code: 5405,
    protocol: 'Unknown',
    store: '',
    step: '11036',
  },
];

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'host/LAPTOP-7F3K2', 'svc-printer', 'mallory'];
const NAS = [
  {
    name: 'sw-access-a1',
    ip: '10.10.1.11',
    loc: 'Location#All Locations#Building-A',
    type: 'Device Type#All Device Types#Switches',
  },
  {
    name: 'sw-access-b2',
    ip: '10.10.2.12',
    loc: 'Location#All Locations#Building-B',
    type: 'Device Type#All Device Types#Switches',
  },
  {
    name: 'wlc-hq-01',
    ip: '10.10.9.5',
    loc: 'Location#All Locations#HQ#Floor-3',
    type: 'Device Type#All Device Types#Wireless',
  },
  {
    name: 'vpn-asa-01',
    ip: '192.0.2.10',
    loc: 'Location#All Locations#DMZ',
    type: 'Device Type#All Device Types#Firewalls',
  },
];

/** mulberry32: tiny seeded PRNG so batches are identical across runs and machines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function mac(rnd: () => number): string {
  const bytes = Array.from({ length: 6 }, () => Math.floor(rnd() * 256));
  return bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

export interface MakeFailuresOptions {
  start?: Date | number;
  stepMs?: number;
  seed?: number;
  /** Render timestamps with this fixed offset (e.g. -420 → "-07:00") instead of `Z`. */
  offsetMinutes?: number;
}

/** A NAS as the record generators know it. */
export interface FakeNas {
  name: string;
  ip: string;
  loc: string;
  type: string;
}

/** The fields that say who failed on which NAS, as ISE fills them for one endpoint. */
export function whoAndWhere(user: string, station: string, nas: FakeNas): Partial<FailureRecord> {
  return {
    userName: user,
    callingStationId: station,
    originalCallingStationId: station,
    macAddress: station,
    nasName: nas.name,
    networkDeviceName: nas.name,
    nasIpAddress: nas.ip,
    location: nas.loc,
    deviceType: nas.type,
  };
}

/** n deterministic, varied records; timestamps start+i*stepMs, ids strictly increasing. */
export function makeFailures(n: number, opts: MakeFailuresOptions = {}): FailureRecord[] {
  const start = opts.start === undefined ? Date.now() - 30 * 60_000 : Number(opts.start);
  const stepMs = opts.stepMs ?? 1000;
  const rnd = prng(opts.seed ?? 1);
  const out: FailureRecord[] = [];
  let id = ID_BASE;
  for (let i = 0; i < n; i++) {
    id += BigInt(1 + Math.floor(rnd() * 997));
    const reason = pick(rnd, REASONS);
    const nas = pick(rnd, NAS);
    const station = mac(rnd);
    const user = pick(rnd, USERS);
    const session = Math.floor(rnd() * 2 ** 48)
      .toString(16)
      .toUpperCase()
      .padStart(24, '0A0A');
    out.push(
      makeFailure({
        id: id.toString(),
        timestamp: formatTimestamp(start + i * stepMs, opts.offsetMinutes),
        failureReason: reason.text,
        messageCode: reason.code,
        authenticationProtocol: reason.protocol,
        identityStore: reason.store,
        response:
          `{UserName=${user}; RadiusPacketType=AccessReject; AuthenticationResult=Failed; ` +
          `cisco-av-pair=audit-session-id=${session}; }`,
        ...whoAndWhere(user, station, nas),
        auditSessionId: session,
        ipAddresses: [`10.20.${Math.floor(rnd() * 256)}.${1 + Math.floor(rnd() * 254)}`],
        executionSteps: [...PAP_STEPS.slice(0, 12), reason.step, '22057', '22061', '11003'],
        responseTime: 5 + Math.floor(rnd() * 800),
      }),
    );
  }
  return out;
}
