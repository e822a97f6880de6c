import type { FailureRecord } from '../pxgrid/schemas';

interface Spec {
  ago: number;
  user: string;
  mac: string;
  nas: number;
  reason: string;
}

const NAS = [
  {
    nasName: 'c9300-floor2.example.net',
    nasIpAddress: '10.10.20.11',
    nasPortId: 'GigabitEthernet1/0/14',
    location: 'Location#All Locations#Building-A#Floor-2',
  },
  {
    nasName: 'wlc-hq-01.example.net',
    nasIpAddress: '10.10.9.5',
    nasPortId: 'capwap_90000004',
    location: 'Location#All Locations#HQ',
  },
];

const SPECS: Spec[] = [
  {
    ago: 60_000,
    user: 'jdoe (sample)',
    mac: '00-11-22-33-44-55',
    nas: 0,
    reason: '22040 Wrong password or invalid shared secret',
  },
  {
    ago: 180_000,
    user: 'jdoe (sample)',
    mac: '00-11-22-33-44-55',
    nas: 0,
    reason: '22040 Wrong password or invalid shared secret',
  },
  {
    ago: 240_000,
    user: 'asmith (sample)',
    mac: 'A4-5E-60-C1-22-9B',
    nas: 1,
    reason: '24408 User authentication against Active Directory failed since user has entered the wrong password',
  },
  {
    ago: 420_000,
    user: 'host/LAPTOP-7F3K2 (sample)',
    mac: '3C-22-FB-10-0A-7E',
    nas: 1,
    reason: '12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain',
  },
  {
    ago: 540_000,
    user: '8C-85-90-1A-2B-3C (sample)',
    mac: '8C-85-90-1A-2B-3C',
    nas: 0,
    reason: '22056 Subject not found in the applicable identity store(s)',
  },
];

/** test-mail's batch: a few different failures, so every part of the mail shows something. */
export function sampleFailures(now: number): FailureRecord[] {
  return SPECS.map((s, i) => ({
    id: String(1494300801107032 + i),
    timestamp: new Date(now - s.ago).toISOString(),
    failureReason: s.reason,
    messageCode: 5400,
    userName: s.user,
    serverName: 'ise-psn-01',
    ...NAS[s.nas]!,
    callingStationId: s.mac,
    identityStore: s.reason.startsWith('24408') ? 'CORP-AD' : 'Internal Users',
    authenticationMethod: s.reason.startsWith('12514') ? 'x509_PKI' : 'PAP_ASCII',
    deviceType: 'Device Type#All Device Types#Access-Switch',
    executionSteps: ['11001', '11017', '15049', s.reason.slice(0, 5), '11003'],
  }));
}
