import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { cronSchedule, nxosSchedule } from '../../src/commands/eem-schedule';

const EEM_DIR = resolve(__dirname, '../../eem');
const template = (name: string) => readFileSync(join(EEM_DIR, name), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-eem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function eem(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    ['eem', ...args],
    { pid: 1, now: Date.now, alive: () => false, baseDir: dir, env, execPath: '/home/guestshell/node/bin/node' },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
  );
  const lines = stdout.replace(/\n$/, '').split('\n');
  // After pasteable configuration the summary is an IOS comment; `summary` is the line without it.
  const last = lines[lines.length - 1] ?? '';
  return { code, stdout, stderr, last, summary: last.replace(/^! /, ''), body: lines.slice(0, -1) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Asserts `output` is exactly the templates in order, each followed by a blank line: lines without
 * a placeholder verbatim, lines with one matching the template line around the filled value.
 */
function expectStructure(output: string[], names: string[]): void {
  const expected = names.flatMap((n) => [...template(n).replace(/\n$/, '').split('\n'), '']);
  expect(output).toHaveLength(expected.length);
  expected.forEach((line, i) => {
    const got = output[i]!;
    if (!line.includes('{{')) expect(got, `line ${i + 1}`).toBe(line);
    else
      expect(got, `line ${i + 1}`).toMatch(
        new RegExp(
          `^${line
            .split(/\{\{[A-Z_]+\}\}/)
            .map(escapeRe)
            .join('[^"]*')}$`,
        ),
      );
    expect(got).not.toContain('{{');
  });
}

describe('eem templates', () => {
  it('are all used by the command, and hold only documented placeholders', () => {
    const readme = template('README.md');
    const files = readdirSync(EEM_DIR).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual([
      'iosxe-backfill.txt',
      'iosxe-cron.txt',
      'iosxe-guestshell.txt',
      'nxos-scheduler.txt',
    ]);
    for (const f of files) {
      for (const [, name] of template(f).matchAll(/\{\{([A-Z_]+)\}\}/g))
        expect(readme, `{{${name}}} of ${f} in eem/README.md`).toContain(`\`{{${name}}}\``);
      // `?` pasted into IOS shows context help instead of being typed.
      expect(template(f)).not.toContain('?');
      // EEM sorts action labels as strings: 4-digit labels keep string order = numeric order.
      const labels = [...template(f).matchAll(/^ action (\S+) /gm)].map((m) => m[1]!);
      expect(labels.every((l) => /^\d{4}$/.test(l))).toBe(true);
      expect([...labels].sort()).toEqual(labels);
    }
  });
});

describe('run.js eem', () => {
  it('renders the IOS-XE cron and backfill applets with this install paths', async () => {
    const r = await eem(['--every', '10m', '--maxrun', '300', '--heap', '128']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectStructure(r.body, ['iosxe-cron.txt', 'iosxe-backfill.txt']);
    const text = r.body.join('\n');
    expect(text).toContain(' event timer cron cron-entry "*/10 * * * *" maxrun 300\n');
    expect(text).toContain(' event none maxrun 300\n');
    expect(text).toContain(
      '"guestshell run env ISE_TO_MAIL_ROUTER_NAME=$_info_routername /home/guestshell/node/bin/node ' +
        `--max-old-space-size=128 --max-semi-space-size=1 --v8-pool-size=1 ${dir}/run.js --config ` +
        `${dir}/ise-to-mail.env"`,
    );
    // The mails name the device: EEM reads the router's host name before each run.
    expect(text.match(/^ action \d{4} info type routername$/gm)).toHaveLength(2);
    expect(text).toContain(`--config ${dir}/ise-to-mail.env --since $_none_arg1"`);
    // The config file does not exist yet: a cron run would fail, so the summary says so.
    expect(r.summary).toBe(
      `ise-to-mail: WARN IOS-XE applets ise_to_mail and ise_to_mail_backfill (maxrun 300s) rendered: every 10m, ` +
        `run.js at ${dir}/run.js; ${dir}/ise-to-mail.env does not exist yet: create it before the first run`,
    );
  });

  it('names the config file given by --config, resolved against run.js, and says OK when it exists', async () => {
    writeFileSync(join(dir, 'site.env'), 'RUN_DEADLINE=100s\n');
    const r = await eem(['--config', 'site.env', '--maxrun', '130', '--guestshell', '--memory', '384']);
    expect(r.code).toBe(0);
    expectStructure(r.body, ['iosxe-guestshell.txt', 'iosxe-cron.txt', 'iosxe-backfill.txt']);
    expect(r.body).toContain('  memory 384');
    expect(r.body.join('\n')).toContain(`run.js --config ${dir}/site.env"`);
    expect(r.summary).toMatch(/^ise-to-mail: OK IOS-XE applets .* \(maxrun 130s\) rendered: every 5m, /);
  });

  it('renders the NX-OS scheduler job for another directory and node', async () => {
    const r = await eem([
      '--platform',
      'nxos',
      '--every',
      '2h',
      '--dir',
      '/bootflash/ise_to_mail',
      '--node',
      '/home/guestshell/n22/bin/node',
      '--vrf',
      'mgmt',
    ]);
    expect(r.code).toBe(0);
    expectStructure(r.body, ['nxos-scheduler.txt']);
    expect(r.body).toContain(
      ' run guestshell chvrf mgmt /home/guestshell/n22/bin/node --max-old-space-size=96 --max-semi-space-size=1 ' +
        '--v8-pool-size=1 ' +
        '/bootflash/ise_to_mail/run.js --config /bootflash/ise_to_mail/ise-to-mail.env',
    );
    expect(r.body).toContain(' time start now repeat 0:2:0');
    // Not on this machine: RUN_DEADLINE was checked at its default, so the summary says so.
    expect(r.summary).toBe(
      'ise-to-mail: WARN NX-OS scheduler job (untested on hardware; results in show scheduler logfile, not syslog) ' +
        'rendered: every 2h, run.js at ' +
        '/bootflash/ise_to_mail/run.js; /bootflash/ise_to_mail/ise-to-mail.env does not exist yet: create it ' +
        'before the first run',
    );
  });

  it.each([
    [['--every', '7m'], /--every "7m" cannot repeat evenly in cron/],
    [['--every', 'often'], /--every "often"/],
    [['--every', '0m'], /--every "0m"/],
    [
      ['--maxrun', '120'],
      /--maxrun 120 leaves no room for RUN_DEADLINE \(150s\) plus 30s of start-up: use --maxrun 180 or more/,
    ],
    [['--heap', '96MB'], /--heap "96MB" must be a whole number from 16 to 4096/],
    [['--platform', 'junos'], /junos/],
    [['--dir', 'relative/dir'], /--dir "relative\/dir" must be an absolute path/],
    [['--dir', '/bootflash/my dir'], /cannot go into an EEM command line/],
    [['--node', '/home/guestshell/$node'], /cannot go into an EEM command line/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const r = await eem(args);
    expect(r.code).toBe(2);
    expect(r.body).toEqual([]);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR /);
    expect(r.summary).toMatch(message);
  });

  it('prints its summary as a ! comment, so pasting the whole output into IOS runs nothing extra', async () => {
    const ok = await eem(['--every', '10m']);
    expect(ok.code).toBe(0);
    expect(ok.last).toMatch(/^! ise-to-mail: (OK|WARN) IOS-XE applets /);
    // An error prints no configuration: its summary stays the plain line.
    const refused = await eem(['--every', '7m']);
    expect(refused.last).toMatch(/^ise-to-mail: ERROR /);
  });

  it('lists in the --every error only intervals that the default --maxrun then accepts', async () => {
    const r = await eem(['--every', '7m']);
    expect(r.code).toBe(2);
    const listed = /use ((?:\S+ )+)\(/.exec(r.summary)?.[1]?.trim().split(' ') ?? [];
    expect(listed).toEqual([
      '4m',
      '5m',
      '6m',
      '10m',
      '12m',
      '15m',
      '20m',
      '30m',
      '1h',
      '2h',
      '3h',
      '4h',
      '6h',
      '8h',
      '12h',
      '1d',
    ]);
    for (const every of listed) expect((await eem(['--every', every])).code, every).toBe(0);
    // With a shorter maxrun the list grows by what that maxrun accepts.
    writeFileSync(join(dir, 'fast.env'), 'RUN_DEADLINE=60s\n');
    const fast = await eem(['--every', '7m', '--maxrun', '120', '--config', 'fast.env']);
    expect(fast.summary).toMatch(/use 2m 3m 4m .* \(divisors of an hour or a day, at least --maxrun 120s\)$/);
  });

  it('refuses --platform nxos without --node, saying why, with exit 2 and one line', async () => {
    const r = await eem(['--platform', 'nxos']);
    expect(r.code).toBe(2);
    expect(r.body).toEqual([]);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR --platform nxos needs --node: NX-OS Guest Shell runs the job as /);
  });

  it('applies no cron or maxrun rule to NX-OS: the scheduler repeats any interval and has no VTY', async () => {
    const r = await eem(['--platform', 'nxos', '--node', '/opt/node/bin/node', '--every', '7m', '--maxrun', '20']);
    expect(r.code, r.summary).toBe(0);
    expect(r.body).toContain(' time start now repeat 0:0:7');
    expect(r.body.join('\n')).not.toMatch(/maxrun/);
    expect(r.summary).toMatch(/results in show scheduler logfile, not syslog/);
  });

  it('with --cli-user, runs the applets as that AAA user instead of authorization bypass', async () => {
    const plain = await eem([]);
    expect(plain.body.filter((l) => l.startsWith('event manager applet '))).toEqual([
      'event manager applet ise_to_mail authorization bypass',
      'event manager applet ise_to_mail_backfill authorization bypass',
    ]);
    expect(plain.body.join('\n')).not.toContain('event manager session cli username');
    const r = await eem(['--cli-user', 'svc-eem']);
    expect(r.code, r.summary).toBe(0);
    expectStructure(r.body, ['iosxe-cron.txt', 'iosxe-backfill.txt']);
    expect(r.body.filter((l) => l.startsWith('event manager applet '))).toEqual([
      'event manager applet ise_to_mail',
      'event manager applet ise_to_mail_backfill',
    ]);
    expect(r.body).toContain('event manager session cli username svc-eem privilege 15');
    expect(r.body.join('\n')).not.toContain('authorization bypass');
    expect(r.summary).toMatch(/, as AAA user svc-eem(;|$)/);
    const bad = await eem(['--cli-user', 'a b']);
    expect(bad.code).toBe(2);
    expect(bad.summary).toMatch(/^ise-to-mail: ERROR --cli-user "a b" cannot go into/);
  });

  it('needs no ISE or SMTP settings', async () => {
    const r = await eem([], {});
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: (OK|WARN) IOS-XE applets/);
  });
});

describe('schedules', () => {
  it.each([
    ['1m', '* * * * *', '0:0:1'],
    ['5m', '*/5 * * * *', '0:0:5'],
    ['30m', '*/30 * * * *', '0:0:30'],
    ['60m', '0 * * * *', '0:1:0'],
    ['1h', '0 * * * *', '0:1:0'],
    ['6h', '0 */6 * * *', '0:6:0'],
    ['24h', '0 0 * * *', '1:0:0'],
    ['1d', '0 0 * * *', '1:0:0'],
  ])('%s → cron "%s", NX-OS repeat %s', (every, cron, repeat) => {
    expect(cronSchedule(every)).toMatchObject({ cron, repeat });
  });

  it.each(['7m', '45m', '90m', '5h', '2d', '5', '5s'])('refuses %s in cron', (every) => {
    expect(() => cronSchedule(every)).toThrow(/cannot repeat evenly/);
  });

  it.each(['m', '-5m', 'abc', '5 minutes', '0m'])('says %s is not a duration', (every) => {
    expect(() => cronSchedule(every)).toThrow(/is not a duration/);
    expect(() => nxosSchedule(every)).toThrow(/is not a duration/);
  });

  it.each([
    ['7m', '0:0:7'],
    ['90m', '0:1:30'],
    ['1m', '0:0:1'],
    ['26h', '1:2:0'],
  ])('NX-OS repeats any whole number of minutes: %s → %s', (every, repeat) => {
    expect(nxosSchedule(every)).toMatchObject({ repeat });
  });
});
