// Replies that are not what they claim: hostile or broken ISE answers end a run with
// the right exit code and one clean line, never exit 1, never a silent OK.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { attachmentText } from '../helpers/mail';
import { expectFailure } from '../helpers/pxgrid-e2e';
import { startWorld, type World } from '../helpers/world';

let w: World | undefined;

const MIN = 60_000;
const GET_FAILURES = '/pxgrid/ise/radius/getFailures';
const CONTROL = (m: string) => `/pxgrid/control/${m}`;
// No raw control character (C0, DEL, C1) anywhere.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const recordJson = (n: number, extra = '') =>
  `{"id":"${1603571391695194 + n}","timestamp":"${new Date(Date.now() - MIN).toISOString()}",` +
  `"userName":"u-${n}","failureReason":"22040 Wrong password"${extra}}`;

describe('a 200 reply without a "failures" array', () => {
  test.each([
    ['{"failure":[]}', /the reply began: \{"failure":\[\]\}/],
    ['{"failures":{}}', /the reply began: \{"failures":\{\}\}/],
    ['{"error":"Internal error","status":500}', /the reply began: \{"error":"Internal error","status":500\}/],
    ['{}', /the reply began: \{\}/],
  ])('%s is a protocol error: exit 4, cursor untouched, the summary says what came back', async (body, said) => {
    w = await startWorld();
    w.ise.setFailures([makeFailure({ timestamp: new Date(Date.now() - 5 * MIN).toISOString() }, 1)]);
    w.ise.fault(GET_FAILURES, { status: 200, body });
    const first = await w.run();
    expectFailure(first, 4, /getFailures answered HTTP 200 without a "failures" array/, said);
    expect(w.cursor()).toBeUndefined();
    expect((await w.run()).code).toBe(0);
    const before = readFileSync(join(w.stateDir, 'cursor.json'), 'utf8');
    w.ise.fault(GET_FAILURES, { status: 200, body });
    expectFailure(await w.run(), 4, /without a "failures" array/);
    expect(readFileSync(join(w.stateDir, 'cursor.json'), 'utf8')).toBe(before);
  });
});

describe('control replies are read with a size limit', () => {
  const pad = 'x'.repeat(64 * 1024);
  const huge = (head: string) => () =>
    (function* () {
      yield `{${head},"pad":"`;
      for (let i = 0; i < 48; i++) yield pad; // 3 MB
      yield '"}';
    })();
  test.each([
    ['AccountCreate', () => '"nodeName":"ise_to_mail","password":"Secret123456789x"'],
    ['AccountActivate', () => '"accountState":"ENABLED","version":"2.0.0.13"'],
    [
      'ServiceLookup',
      (u: string) =>
        `"services":[{"name":"com.cisco.ise.radius","nodeName":"ise-mnt-ise-sim","properties":{"restBaseUrl":"${u}"}}]`,
    ],
    ['AccessSecret', () => '"secret":"S3cretS3cretS3cr"'],
  ])('a 3 MB %s reply: exit 4, nothing accepted', async (method, head) => {
    w = await startWorld();
    w.ise.setFailures([makeFailure({ timestamp: new Date(Date.now() - MIN).toISOString() }, 1)]);
    w.ise.fault(CONTROL(method), { chunks: huge(head(w.ise.restBaseUrls()[0]!)) });
    const r = await w.run();
    expectFailure(r, 4, new RegExp(`pxGrid ${method} on localhost:\\d+ answered with more than 1048576 bytes`));
    expect(w.smtp.messages).toHaveLength(0);
    expect(existsSync(join(w.stateDir, 'pxgrid-account.json'))).toBe(method !== 'AccountCreate');
  });
});

describe('records nested 5 000 levels deep', () => {
  const deep = (open: string, close: string) => `${open.repeat(5000)}1${close.repeat(5000)}`;
  const fields = `,"location":${deep('[', ']')},"deep":${deep('{"a":', '}')}`;
  const record = recordJson(1, fields).replace('"userName":"u-1"', `"userName":${deep('{"u":', '}')}`);
  const body = `{"failures":[${record}]}`;
  test.each(['csv', 'json'])('are mailed with MAIL_ATTACH=%s, the deep part cut short', async (attach) => {
    w = await startWorld();
    w.ise.fault(GET_FAILURES, { chunks: () => [body] });
    const r = await w.run([], { MAIL_ATTACH: attach });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed/);
    const m = w.smtp.messages[0]!;
    expect(m.parsed.text).toContain('{"u":{"u":');
    const file = attachmentText(m, `failures.${attach}.gz`);
    if (attach === 'json') {
      const records = JSON.parse(file) as Array<Record<string, unknown>>;
      expect(records[0]!.id).toBe(String(1603571391695195));
      expect(file).toContain('(nested too deep)');
    } else expect(file).toContain(String(1603571391695195));
  });
});

test('a record without failureReason shows "(no reason given)"', async () => {
  w = await startWorld();
  const t = new Date(Date.now() - MIN).toISOString();
  w.ise.setFailures([1, 2].map((n) => makeFailure({ failureReason: undefined, userName: 'bob', timestamp: t }, n)));
  expect((await w.run()).code).toBe(0);
  const m = w.smtp.messages[0]!.parsed;
  expect(m.subject).toBe('[ISE] 2 RADIUS failures, 1 user, top: (no reason given) (2)');
  expect(m.text).toMatch(/^ {6}2 {2}\(no reason given\)$/m);
});

describe('control characters from ISE', () => {
  const evil = '\\u001b[31mPWNED\\u0007\\u009b2J\\u0000';
  test.each([
    ['an account state', CONTROL('AccountActivate'), `{"accountState":"${evil}","version":"2.0.0.13"}`, 3],
    ['a reply without failures', GET_FAILURES, `{"error":"${evil}"}`, 4],
  ])('in %s never reach the summary line, --json or health.json', async (_what, path, body, code) => {
    w = await startWorld();
    for (const json of [false, true]) {
      w.ise.fault(path, { status: 200, body });
      const r = await w.run(json ? ['--json'] : []);
      expect(r.code).toBe(code);
      expect(r.summary).toMatch(/PWNED/);
      expect(r.stdout.replace(/\n/g, '')).not.toMatch(CONTROL_CHARS);
      if (json) expect(JSON.parse(r.summary).message).not.toMatch(CONTROL_CHARS);
    }
    const health = JSON.parse(readFileSync(join(w.stateDir, 'health.json'), 'utf8'));
    expect(health.lastError.message).toMatch(/PWNED/);
    expect(health.lastError.message).not.toMatch(CONTROL_CHARS);
  });
});

test('the run deadline reached while reading a body is reported as the deadline', async () => {
  w = await startWorld();
  w.ise.fault(GET_FAILURES, { chunks: () => [`{"failures":[${recordJson(1)},`], hang: true });
  const t0 = Date.now();
  const r = await w.run([], { RUN_DEADLINE: '5s' });
  expect(Date.now() - t0).toBeLessThan(9000);
  expectFailure(r, 4, /^ise-to-mail: ERROR the run reached RUN_DEADLINE/);
  expect(r.summary).not.toMatch(/truncated/);
  expect(w.cursor()).toBeUndefined();
});
