// Mutes (issue 15): `mute`, `mutes`, `unmute` through the CLI in-process; muted failures leave the mail
// body but are counted there and attached, wait in the spool for the next mail, and expire.
import { afterEach, describe, expect, test } from 'vitest';
import { makeFailure } from '../fake/records';
import { attachmentText, parseCsv } from '../helpers/mail';
import { simStart } from '../helpers/sim-start';
import { type RunResult, startWorld, type World } from '../helpers/world';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Ahead of the real clock: the fake ISE's Date header (real time) must not lie ahead of it.
const T0 = simStart(Math.ceil(Date.now() / HOUR) * HOUR + HOUR);

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

let seq = 0;
async function sim(env: Record<string, string> = {}) {
  let now = T0;
  w = await startWorld({ ise: { now: () => now } });
  const world = w;
  const at = (offset: number, args: string[] = []): Promise<RunResult> => {
    now = T0 + offset;
    return world.runInProcess(args, { MAIL_TIMEZONE: 'UTC', ...env, ISE_TO_MAIL_TEST_NOW: String(now) });
  };
  const fail = (offset: number, user: string, nas = 'sw-access-a1') =>
    world.ise.addFailures(
      makeFailure(
        {
          timestamp: new Date(T0 + offset).toISOString(),
          userName: user,
          nasName: `${nas}.example.net`,
          networkDeviceName: nas,
        },
        ++seq,
      ),
    );
  const body = (i: number) => world.smtp.messages[i]!.parsed.text ?? '';
  const attached = (i: number) =>
    parseCsv(attachmentText(world.smtp.messages[i]!, 'failures.csv.gz'))
      .slice(1)
      .map((r) => r[2])
      .sort();
  return { at, fail, body, attached };
}

describe('mutes', () => {
  test('muted failures: out of the body, counted, attached; they wait for the next mail; mutes expire', async () => {
    const s = await sim();
    const muted = await s.at(0, ['mute', 'nas:sw-lab-01', '--for', '8h', '--note', 'lab rebuild', '--by', 'alice']);
    expect(muted.code).toBe(0);
    expect(muted.summary).toMatch(/^ise-to-mail: OK muted: nas:sw-lab-01 until .* \(id 1\);/);
    const list = await s.at(MIN, ['mutes']);
    expect(list.stdout).toMatch(/^1 {3}nas:sw-lab-01 {2}until .* \(7h 5\dm left\) {2}by alice {2}"lab rebuild"$/m);
    expect(list.summary).toBe('ise-to-mail: OK 1 active mute');
    const doctor = await s.at(MIN, ['doctor']);
    expect(doctor.stdout).toMatch(/^info mutes: 1 active mute: nas:sw-lab-01 until .* \(run\.js mutes\)$/m);

    s.fail(2 * MIN, 'lab-1', 'sw-lab-01');
    s.fail(3 * MIN, 'lab-2', 'sw-lab-01');
    s.fail(4 * MIN, 'office-1');
    const r = await s.at(5 * MIN);
    expect(r.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed to 2 recipients, 2 muted \(attached\) \(newest /);
    expect(s.body(0)).toMatch(
      /^New since the last run: 1 RADIUS authentication failure\n1 user, 1 endpoint, 1 NAS; 2 muted$/m,
    );
    expect(s.body(0)).not.toMatch(/lab-[12],/);
    expect(s.body(0).replace(/\n */g, ' ')).toContain(
      'Muted, so not above but in the attachment: 2 nas:sw-lab-01 (mute 1: lab rebuild) (run.js mutes lists them).',
    );
    expect(s.attached(0)).toEqual(['lab-1', 'lab-2', 'office-1']);

    // Only muted failures: no mail; they ride with the next one.
    s.fail(6 * MIN, 'lab-3', 'sw-lab-01');
    const quiet = await s.at(10 * MIN);
    expect(quiet.summary).toBe('ise-to-mail: OK 1 new failure; 1 muted failure(s) wait in the spool for the next mail');
    expect(w!.smtp.messages).toHaveLength(1);
    s.fail(12 * MIN, 'office-2');
    expect((await s.at(15 * MIN)).summary).toMatch(/OK 1 new failure mailed to 2 recipients, 1 muted \(attached\)/);
    expect(s.attached(1)).toEqual(['lab-3', 'office-2']);

    // Eight hours later the mute is gone by itself.
    expect((await s.at(8 * HOUR + MIN, ['mutes'])).summary).toBe('ise-to-mail: OK no active mutes');
    s.fail(8 * HOUR + 2 * MIN, 'lab-4', 'sw-lab-01');
    expect((await s.at(8 * HOUR + 5 * MIN)).summary).toMatch(
      /^ise-to-mail: OK 1 new failure mailed to 2 recipients \(newest/,
    );
    expect(s.body(2)).toMatch(/ {2}lab-4, /);
  });

  test('unmute, and errors that say what to type', async () => {
    const s = await sim();
    expect((await s.at(0, ['mute', 'user:host/*', '--for', '1h'])).summary).toMatch(/\(id 1\)/);
    expect((await s.at(0, ['unmute', '1'])).summary).toBe('ise-to-mail: OK unmuted user:host/* (id 1)');
    const again = await s.at(0, ['unmute', '1']);
    expect({ code: again.code, summary: again.summary }).toEqual({
      code: 2,
      summary: 'ise-to-mail: ERROR no active mute with id "1": run.js mutes lists the active ones',
    });
    const bad = await s.at(0, ['mute', 'sw-lab-01', '--for', '1h']);
    expect(bad.code).toBe(2);
    expect(bad.summary).toMatch(
      /^ise-to-mail: ERROR mute target "sw-lab-01" is not one of the four kinds: give user:GLOB/,
    );
    expect((await s.at(0, ['mute', 'nas:x'])).summary).toMatch(/^ise-to-mail: ERROR --for is missing/);
  });

  test('in digest mode the digest counts and attaches muted failures', async () => {
    const s = await sim({ ALERT_MODE: 'digest' });
    await s.at(0, ['mute', 'reason:22040', '--for', '2h']);
    s.fail(MIN, 'pw-1');
    s.fail(2 * MIN, 'other-1');
    w!.ise.addFailures(
      makeFailure(
        { timestamp: new Date(T0 + 3 * MIN).toISOString(), userName: 'cert-1', failureReason: '12514 EAP-TLS failed' },
        ++seq,
      ),
    );
    expect((await s.at(5 * MIN)).summary).toMatch(
      /OK 3 new failures spooled; 1 pending for the digest at .*, 2 muted; routine failures arrive in one digest /,
    );
    expect((await s.at(HOUR + MIN)).summary).toMatch(
      /^ise-to-mail: OK digest of 1 failure mailed to 2 recipients, 2 muted \(attached\)/,
    );
    expect(s.body(0)).toContain('Muted, so not above but in the attachment: 2 reason:22040 (mute 1)');
    expect(s.attached(0)).toEqual(['cert-1', 'other-1', 'pw-1']);
  });
});
