// Every kind of mail ise-to-mail sends, rendered in-process from fixed batches at a fixed clock:
// the golden files (test/unit/mail-golden.test.ts), the phone-width test in Chromium
// (test/e2e/mail-width.test.ts) and `npm run mail-shots` all use these, so what is checked is
// what is pictured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config/config';
import { foldRecovery, healthContext, problemMail, recoveryMail } from '../../src/health/health-mail';
import { heartbeatMail } from '../../src/health/heartbeat-mail';
import type { Incident, Resolved } from '../../src/incidents/incident';
import { composeMail } from '../../src/mail/message';
import { composer } from '../../src/poll/compose';
import { digestParts } from '../../src/poll/outbox-spool-mail';
import type { FailureRecord } from '../../src/pxgrid/schemas';
import { sampleFailures } from '../../src/render/sample';
import { Rollup } from '../../src/rollup/rollup';
import { makeFailure } from '../fake/records';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const MIN = 60_000;
/** 10:30 in Zurich: every mail is rendered at this instant. */
export const NOW = Date.UTC(2026, 10, 23, 9, 30, 0);

export function mailConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    baseDir: mkdtempSync(join(tmpdir(), 'ise-to-mail-kinds-')),
    env: {
      ISE_HOST: 'ise-px1.example.net',
      SMTP_SERVER: 'smtp.example.net',
      MAIL_DEST: 'noc@example.net',
      MAIL_FROM: 'ise-alerts@example.net',
      MAIL_TIMEZONE: 'Europe/Zurich',
      ISE_ADMIN_URL: 'https://ise-pan.example.net',
      DEVICE_NAME: 'c9300-core-01',
      ...env,
    },
  });
}

const NAS = [
  { nasName: 'sw-access-a1', nasIpAddress: '10.10.1.11', location: 'Location#All Locations#Building-A' },
  { nasName: 'sw-access-b2', nasIpAddress: '10.10.2.12', location: 'Location#All Locations#Building-B' },
  { nasName: 'wlc-hq-01', nasIpAddress: '10.10.9.5', location: 'Location#All Locations#HQ#Floor-3' },
];
const REASONS = [
  '22040 Wrong password or invalid shared secret',
  '24408 User authentication against Active Directory failed since user has entered the wrong password',
  '12321 PEAP failed SSL/TLS handshake because the client rejected the ISE local-certificate',
  '22056 Subject not found in the applicable identity store(s)',
  '11036 The Message-Authenticator RADIUS attribute is invalid',
];

/** `n` failures over the `spanMin` minutes before NOW: a few users and reasons repeating, like a real hour. */
export function batch(n: number, spanMin: number, seed = 1): FailureRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 7 + seed) % 11;
    // Rising towards NOW, as trouble builds up: more failures in the later minutes.
    const t = NOW - Math.floor(spanMin * MIN * (1 - Math.sqrt((i + 1) / (n + 1))));
    return makeFailure(
      {
        id: String(1603571391695194n + BigInt(i)),
        timestamp: new Date(t).toISOString(),
        userName: ['alice', 'bob', 'svc-printer', 'host/LAPTOP-7F3K2', 'carol'][k % 5],
        callingStationId: `3C:22:FB:10:0A:${(16 + (k % 6)).toString(16).toUpperCase()}`,
        failureReason: REASONS[[0, 0, 0, 1, 1, 2, 0, 3, 1, 4, 0][k]!],
        nasPortId: `GigabitEthernet1/0/${10 + (k % 4)}`,
        serverName: k % 2 ? 'ise-psn-02' : 'ise-psn-01',
        ...NAS[k % 3]!,
      },
      i,
    );
  });
}

function digestOf(records: FailureRecord[], attach: 'csv' | 'none' = 'csv'): Rollup {
  const d = new Rollup({ attach });
  for (const r of records) d.add(r);
  return d;
}

const INCIDENT: Incident = {
  id: 'nas:sw-access-b2:11036',
  rule: 'nas-wide',
  scope: 'nas',
  nas: 'sw-access-b2',
  code: '11036',
  reason: REASONS[4],
  title: 'sw-access-b2: 6 users failing 11036 (RADIUS shared secret?)',
  evidence: [
    '6 distinct users/endpoints failed with "11036 The Message-Authenticator RADIUS attribute is invalid" on NAS ' +
      'sw-access-b2 within 10 min (at least 5, and 3x its usual)',
  ],
  users: ['alice', 'bob', 'carol', 'dave', 'erin'],
  usersCount: '6',
  endpoints: ['3C:22:FB:10:0A:10', '3C:22:FB:10:0A:11'],
  endpointsCount: '6',
  since: NOW - 14 * MIN,
  last: NOW - 2 * MIN,
  quietUntil: NOW + 30 * MIN,
  openedAt: NOW,
  failures: 14,
  reported: 0,
  mailed: false,
  silent: false,
};
const RESOLVED: Resolved = {
  id: 'subject:jdoe',
  title: 'jdoe: 12 failed attempts in 10 min (lockout?)',
  since: NOW - 95 * MIN,
  last: NOW - 70 * MIN,
  failures: 12,
  unmailed: false,
};

const infinite = (c: (budget: number, limit: number) => Rendered, cfg: Config) =>
  c(Number.POSITIVE_INFINITY, cfg.mail.maxBytes);

/** Every kind, by the name its golden files and screenshots take. */
export const KINDS: Record<string, () => Rendered> = {
  'per-run': () => {
    const cfg = mailConfig({ ALERT_MODE: 'each-run' });
    return infinite(composer(cfg, digestOf(batch(37, 25)), NOW), cfg);
  },
  digest: () => {
    const cfg = mailConfig({ ALERT_MODE: 'digest' });
    return infinite(composer(cfg, digestOf(batch(120, 58, 3)), NOW, digestParts(cfg, NOW - 60 * MIN, NOW)), cfg);
  },
  incident: () => {
    const cfg = mailConfig({ ALERT_MODE: 'digest' });
    const records = batch(40, 28, 5).map((r, i) =>
      i % 3 ? r : { ...r, ...NAS[1], failureReason: REASONS[4], userName: ['alice', 'bob', 'carol'][i % 3] },
    );
    const parts = {
      ...digestParts(cfg, NOW - 30 * MIN, NOW),
      incidents: { opened: [INCIDENT], ongoing: [], resolved: [RESOLVED] },
    };
    return infinite(composer(cfg, digestOf(records), NOW, parts), cfg);
  },
  problem: () =>
    problemMail(
      {
        kind: 'ise-unreachable',
        exitCode: 4,
        message:
          'cannot talk to pxGrid at ise-px1.example.net:8910: connection refused; check ISE_HOST and PXGRID_PORT ' +
          '(8910 here) and that pxGrid is enabled on that node (Administration > System > Deployment)',
        since: NOW - 40 * MIN,
        failedRuns: 5,
        lastSuccess: NOW - 45 * MIN,
        repeatMs: 24 * 3_600_000,
      },
      healthContext(mailConfig()),
    ),
  recovered: () =>
    recoveryMail(
      {
        back: NOW,
        since: NOW - 3 * 3_600_000,
        failedRuns: 18,
        lastError: { kind: 'ise-unreachable', message: 'connection refused' },
      },
      healthContext(mailConfig()),
    ),
  'recovered-digest': () => {
    const cfg = mailConfig({ ALERT_MODE: 'each-run' });
    const mail = infinite(composer(cfg, digestOf(batch(6, 20, 2)), NOW), cfg);
    const r = {
      back: NOW,
      since: NOW - 2 * 3_600_000,
      failedRuns: 12,
      lastError: { kind: 'ise-tls' as const, message: 'self-signed certificate in certificate chain' },
    };
    return foldRecovery(mail, r, 6, healthContext(cfg), 'mail');
  },
  'all-quiet': () => heartbeatMail({ since: NOW - 86_400_000, now: NOW, period: 'daily' }, healthContext(mailConfig())),
  'test-mail': () => {
    const cfg = mailConfig();
    return composeMail(cfg, digestOf(sampleFailures(NOW)), { now: NOW, test: true });
  },
  /** Not a kind of its own: the per-run mail with hostile values, for the width test. */
  hostile: () => {
    const cfg = mailConfig({ ALERT_MODE: 'each-run' });
    const long = 'x'.repeat(180);
    const records = batch(4, 5).map((r, i) => ({
      ...r,
      userName: i ? `<script>alert(1)</script>\u202e${long}` : '=?utf-8?b?QmNjOiBldmlsQGV4YW1wbGUubmV0?=',
      nasName: `nas-${'y'.repeat(90)}`,
      nasPortId: 'z'.repeat(70),
      failureReason: `22040 ${'w'.repeat(200)}`,
      callingStationId: 'A'.repeat(60),
    }));
    return infinite(composer(cfg, digestOf(records), NOW), cfg);
  },
};
