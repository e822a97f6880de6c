/**
 * End-to-end, as on the device: dist/run.js copied alone into an empty directory, started from
 * another working directory (as EEM does), with only PATH from the environment. Part of the e2e
 * suite (`test/e2e-*.test.ts`) that `npm run test:runtimes` runs on Node 18.17, 20, 22 and 24, so
 * every assertion here (empty stderr included: no experimental warnings) holds on all of them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFailures } from '../fake/records';
import { NODE, type RunResult, startWorld, type World } from '../helpers/world';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
const ANSI = /\x1b\[/;
/** What a colour-capable terminal would set; stdout is still a pipe, so no colour may appear. */
const COLOUR_ENV = { TERM: 'xterm-256color', COLORTERM: 'truecolor' };
/** The environment variables startWorld sets, to run from the config file alone. */
const NO_ENV = (w: World) => Object.fromEntries(Object.keys(w.env).map((k) => [k, undefined]));

let world: World | undefined;

async function worldWith(n: number): Promise<World> {
  world = await startWorld({ ise: { failures: makeFailures(n, { start: Date.now() - 20 * 60_000 }) } });
  return world;
}

function expectClean(r: RunResult): void {
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(ANSI);
}

describe('run.js alone on the device', () => {
  it('runs from an empty directory, mails, and keeps its state next to run.js', async () => {
    const w = await worldWith(3);
    expect(readdirSync(w.dir)).toEqual(['run.js']);
    const r = await w.run([], COLOUR_ENV);
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(
      /^ise-to-mail: OK 3 new failures mailed to 2 recipients \(newest \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
    );
    expect(r.stdout).toBe(`${r.summary}\n`);
    expectClean(r);
    expect(w.smtp.messages).toHaveLength(1);
    expect(w.smtp.messages[0]!.parsed.subject).toMatch(/^\[ISE\]/);
    expect(existsSync(join(w.dir, 'data', 'cursor.json'))).toBe(true);
    expect(existsSync(join(tmpdir(), 'data', 'cursor.json'))).toBe(false);

    const again = await w.run([], COLOUR_ENV);
    expect([again.code, again.summary]).toEqual([0, 'ise-to-mail: OK no new failures']);
    expectClean(again);
    expect(w.smtp.messages).toHaveLength(1);
  });

  it('resolves --config, STATE_DIR and ISE_CA relative to run.js, not to the working directory', async () => {
    const w = await worldWith(2);
    mkdirSync(join(w.dir, 'conf'));
    mkdirSync(join(w.dir, 'certs'));
    copyFileSync(w.env.ISE_CA!, join(w.dir, 'certs', 'ise-ca.pem'));
    const lines = Object.entries({ ...w.env, ISE_CA: 'certs/ise-ca.pem', STATE_DIR: 'state' }).map(
      ([k, v]) => `${k}=${v}`,
    );
    writeFileSync(join(w.dir, 'conf', 'site.env'), `${lines.join('\n')}\n`);
    const r = await w.run(['--config', 'conf/site.env'], NO_ENV(w));
    expect([r.code, r.summary]).toEqual([
      0,
      expect.stringMatching(/^ise-to-mail: OK 2 new failures mailed to 2 recipients/),
    ]);
    expectClean(r);
    expect(existsSync(join(w.dir, 'state', 'cursor.json'))).toBe(true);
    expect(existsSync(join(w.dir, 'data'))).toBe(false);
    expect(existsSync(join(tmpdir(), 'state', 'cursor.json'))).toBe(false);
  });

  it('reads an existing env.sh as the default config file: export lines, quotes, comments', async () => {
    const w = await worldWith(1);
    const e = w.env;
    writeFileSync(
      join(w.dir, 'ise-to-mail.env'),
      [
        '#!/bin/sh',
        '# env.sh from the Python sample, sourced from ~/.bashrc',
        `export ISE_IP="${e.ISE_HOST}"`,
        `export ISE_CA='${e.ISE_CA}'`,
        '',
        `export SMTP_SERVER=${e.SMTP_SERVER}   # relay`,
        `  export MAIL_PORT="${e.SMTP_PORT}"`,
        `SMTP_SECURITY='${e.SMTP_SECURITY}'`,
        `export MAIL_FROM="${e.MAIL_FROM}"`,
        `export MAIL_DEST='noc@example.net, ops@example.net'`,
        // A mail per run, so this run's failure is mailed at once (the default is hourly digests).
        'ALERT_MODE=each-run',
      ].join('\n'),
    );
    const r = await w.run([], NO_ENV(w));
    expect([r.code, r.summary]).toEqual([
      0,
      `ise-to-mail: OK 1 new failure mailed to 2 recipients${r.summary.slice(r.summary.indexOf(' (newest'))}`,
    ]);
    expectClean(r);
    expect(w.smtp.messages[0]!.envelope.rcptTo.map((a) => a.address).sort()).toEqual([
      'noc@example.net',
      'ops@example.net',
    ]);
  });

  it('prints the version alone, fast and clean', async () => {
    const w = await worldWith(0);
    const r = await w.run(['--version'], COLOUR_ENV);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${pkg.version}\n`, '']);
  });

  it('refuses bad usage with one clean line and exit 2', async () => {
    const w = await worldWith(0);
    const r = await w.run(['--no-such-flag'], COLOUR_ENV);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.summary).toMatch(/^ise-to-mail: ERROR .*--no-such-flag.*; see --help$/);
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });
});

describe('--help on an 80-column terminal', () => {
  /** The commands of the contract (README) plus `eem`; those not built yet are skipped. */
  const CONTRACT_COMMANDS = ['run', 'setup', 'doctor', 'test-mail', 'eem'];
  const REQUIRED_COMMANDS = ['run', 'test-mail', 'eem'];
  const CONTRACT_FLAGS = [
    '--since',
    '--dry-run',
    '--config',
    '--state-dir',
    '--json',
    '--verbose',
    '--version',
    '--help',
  ];

  const fits = (text: string) => text.split('\n').filter((l) => l.length > 79);

  it('fits 79 columns and lists every command and every flag of every command', async () => {
    const w = await worldWith(0);
    const top = await w.run(['--help'], COLOUR_ENV);
    expect(top.code).toBe(0);
    expectClean(top);
    expect(fits(top.stdout)).toEqual([]);
    const listed = [...top.stdout.split('Commands:\n')[1]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    for (const c of REQUIRED_COMMANDS) expect(listed).toContain(c);
    for (const c of CONTRACT_COMMANDS) {
      const sub = await w.run([c, '--help'], COLOUR_ENV);
      // An unknown name falls through to the default command, whose help then shows instead.
      const exists = sub.stdout.startsWith(`Usage: run.js ${c} `);
      expect(listed.includes(c), `${c} exists: ${exists}, listed in --help: ${listed.includes(c)}`).toBe(exists);
      if (!exists) continue;
      expect(sub.code).toBe(0);
      expectClean(sub);
      expect(fits(sub.stdout)).toEqual([]);
      const flags = [...sub.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!);
      expect(flags.length).toBeGreaterThan(0);
      for (const f of flags)
        expect(top.stdout, `${c} ${f} in the top-level --help`).toMatch(new RegExp(`(^|\\s)${f}(\\s|$)`, 'm'));
    }
    for (const f of CONTRACT_FLAGS) expect(top.stdout).toMatch(new RegExp(`(^|\\s)${f}(\\s|$)`, 'm'));
  });
});

describe('start-up discipline', () => {
  /**
   * A preload that records every require() the bundle makes and whether nodemailer's bundled code
   * is on the stack (esbuild names each bundled module's wrapper after its path, e.g.
   * "node_modules/nodemailer/lib/nodemailer.js"), written to a file at exit so stderr stays untouched.
   */
  function preload(dir: string): {
    env: Record<string, string>;
    log: () => { ids: string[]; nodemailer: boolean; version: string };
  } {
    const file = join(dir, 'requires.cjs');
    const log = join(dir, 'requires.json');
    writeFileSync(
      file,
      `const fs = require('fs'); const Module = require('module');
Error.stackTraceLimit = 200;
const ids = []; let nodemailer = false;
const original = Module.prototype.require;
Module.prototype.require = function (id) {
  ids.push(id);
  if (/node_modules[\\\\/]nodemailer[\\\\/]/.test(new Error().stack || '')) nodemailer = true;
  return original.apply(this, arguments);
};
process.on('exit', () =>
  fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ ids, nodemailer, version: process.version })));
`,
    );
    return { env: { NODE_OPTIONS: `--require ${file}` }, log: () => JSON.parse(readFileSync(log, 'utf8')) };
  }

  it('does not evaluate nodemailer when there is nothing to send, and does when there is', async () => {
    const w = await worldWith(0);
    const p = preload(w.dir);
    const idle = await w.run([], p.env);
    expect([idle.code, idle.summary]).toEqual([0, 'ise-to-mail: OK no new failures']);
    expectClean(idle);
    expect(p.log().ids.length).toBeGreaterThan(0);
    expect(p.log().nodemailer).toBe(false);

    w.ise.addFailures(...makeFailures(1, { start: Date.now() - 60_000 }));
    const busy = await w.run([], p.env);
    expect([busy.code, busy.summary]).toEqual([0, expect.stringMatching(/^ise-to-mail: OK 1 new failure mailed/)]);
    // The detector works: the same preload sees nodemailer load once there is mail.
    expect(p.log().nodemailer).toBe(true);
  });

  it('--version loads nothing beyond node:path', async () => {
    const w = await worldWith(0);
    const p = preload(w.dir);
    const r = await w.run(['--version'], p.env);
    expect(r.code).toBe(0);
    expect(new Set(p.log().ids)).toEqual(new Set(['node:path']));
  });

  it('runs the bundle on the Node chosen by ISE_TO_MAIL_TEST_NODE (the runtime matrix)', async () => {
    const w = await worldWith(0);
    const p = preload(w.dir);
    await w.run(['--version'], p.env);
    expect(p.log().version).toBe(execFileSync(NODE, ['-p', 'process.version'], { encoding: 'utf8' }).trim());
  });
});
