import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { scheduleFor } from '../../src/commands/eem';

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
  return { code, stdout, stderr, summary: lines[lines.length - 1] ?? '', body: lines.slice(0, -1) };
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
            .join('[^"]+')}$`,
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
        `--max-old-space-size=128 ${dir}/run.js --config ` +
        `${dir}/ise-to-mail.env"`,
    );
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
      ' run guestshell chvrf mgmt /home/guestshell/n22/bin/node --max-old-space-size=96 ' +
        '/bootflash/ise_to_mail/run.js --config /bootflash/ise_to_mail/ise-to-mail.env',
    );
    expect(r.body).toContain(' time start now repeat 0:2:0');
    // Not on this machine: RUN_DEADLINE was checked at its default, so the summary says so.
    expect(r.summary).toBe(
      'ise-to-mail: WARN NX-OS scheduler job (untested on hardware) rendered: every 2h, run.js at ' +
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

  it('needs no ISE or SMTP settings', async () => {
    const r = await eem([], {});
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/^ise-to-mail: (OK|WARN) IOS-XE applets/);
  });
});

describe('scheduleFor', () => {
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
    expect(scheduleFor(every)).toMatchObject({ cron, repeat });
  });

  it.each(['7m', '45m', '90m', '5h', '2d', '5', '5s'])('refuses %s', (every) => {
    expect(() => scheduleFor(every)).toThrow(/cannot repeat evenly/);
  });

  it.each(['m', '-5m', 'abc', '5 minutes'])('says %s is not a duration', (every) => {
    expect(() => scheduleFor(every)).toThrow(/is not a duration/);
  });
});
