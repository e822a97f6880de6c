// `run.js eem` through the built bundle, as a user renders the applets (issue 13).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE, type RunResult, runBundle } from '../helpers/world';

const root = mkdtempSync(join(tmpdir(), 'ise-to-mail-eem-e2e-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** Where run.js is copied and run from; `device` stands for the directory on the switch. */
const here = join(root, 'here');
const device = join(root, 'device');
mkdirSync(here);
mkdirSync(device);
copyFileSync(BUNDLE, join(here, 'run.js'));

const eem = (...args: string[]): Promise<RunResult> => runBundle(here, ['eem', ...args], {});

/** After pasteable configuration, `eem` prints its summary as an IOS `!` comment. */
const summaryOf = (r: RunResult) => r.summary.replace(/^! /, '');

function expectRefused(r: RunResult, message: RegExp): void {
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  expect(r.summary).toMatch(/^ise-to-mail: ERROR /);
  expect(r.summary).toMatch(message);
}

describe('run.js eem', () => {
  it('refuses an interval shorter than maxrun: overlapping runs would each hold a VTY', async () => {
    expectRefused(
      await eem('--every', '1m'),
      /^ise-to-mail: ERROR --every 1m is shorter than --maxrun 240s: .*use --every 4m or more/,
    );
    expectRefused(await eem('--every', '2m', '--maxrun', '180'), /--every 2m is shorter than --maxrun 180s/);
    writeFileSync(join(here, 'fast.env'), 'RUN_DEADLINE=60s\n');
    const ok = await eem('--every', '2m', '--maxrun', '120', '--config', 'fast.env');
    expect(ok.code, ok.summary).toBe(0);
  });

  it('with --dir but no --node, renders the Guestshell node and says so', async () => {
    const r = await eem('--dir', '/bootflash/guest-share/ise_to_mail');
    expect(r.code, r.summary).toBe(0);
    expect(r.stdout).toContain(
      '"guestshell run env ISE_TO_MAIL_ROUTER_NAME=$_info_routername /home/guestshell/node/bin/node ' +
        '--max-old-space-size=96 --max-semi-space-size=1 --v8-pool-size=1 ' +
        '/bootflash/guest-share/ise_to_mail/run.js ',
    );
    expect(r.summary).toMatch(
      /node \/home\/guestshell\/node\/bin\/node \(the default with --dir: give --node if yours is elsewhere\)/,
    );
    // Pasted into IOS together with the applets, a `!` line is a comment: nothing is resolved or run.
    expect(r.summary).toMatch(/^! ise-to-mail: WARN /);
    expect(r.stderr).toBe('');
  });

  it('reads a relative --config in --dir, the file the applet will name', async () => {
    writeFileSync(join(here, 'site.env'), 'RUN_DEADLINE=100s\n');
    writeFileSync(join(device, 'site.env'), 'RUN_DEADLINE=200s\n');
    // 200 s is enough for the 100 s here, not for the 200 s in --dir, which the applet uses.
    expectRefused(
      await eem('--dir', device, '--config', 'site.env', '--maxrun', '200', '--every', '5m'),
      /--maxrun 200 leaves no room for RUN_DEADLINE \(200s\)/,
    );
    const r = await eem('--dir', device, '--config', 'site.env', '--maxrun', '240');
    expect(r.code, r.summary).toBe(0);
    expect(r.stdout).toContain(`run.js --config ${device}/site.env"`);
    expect(summaryOf(r)).toMatch(/^ise-to-mail: OK /);
  });

  it(
    'a config file not found in --dir is a warning, not an error: it may be rendered for another ' + 'machine',
    async () => {
      const r = await eem('--dir', device, '--config', 'absent.env');
      expect(r.code, r.summary).toBe(0);
      expect(r.stdout).toContain(`run.js --config ${device}/absent.env"`);
      expect(summaryOf(r)).toMatch(
        new RegExp(`^ise-to-mail: WARN .*; ${device}/absent.env does not exist yet: create it`),
      );
    },
  );

  it('refuses --platform nxos without --node: no home directory is a safe default there', async () => {
    expectRefused(
      await eem('--platform', 'nxos'),
      /--platform nxos needs --node: .*give --node \/opt\/node\/bin\/node$/,
    );
  });

  it('says that --every abc is not a duration', async () => {
    expectRefused(await eem('--every', 'abc'), /--every "abc" is not a duration: use .*5m/);
  });

  it('names the allowed platforms in one clean sentence', async () => {
    const r = await eem('--platform', 'junos');
    expectRefused(r, /junos/);
    expect(r.summary).not.toContain('.;');
    expect(r.summary).toMatch(/Allowed choices are iosxe, nxos; see --help$/);
  });
});
