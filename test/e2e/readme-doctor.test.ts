// The `setup`/`doctor` sample of docs/ise.md is what a user compares their own output with: it must be
// what dist/run.js prints today. Runs the sample's commands against the fakes and compares every
// line, with ports, the install directory and the certificate's expiry date normalised.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWorld, type World, writeConfig } from '../helpers/world';

const INSTALL_DIR = '/bootflash/guest-share/ise_to_mail';

let w: World | undefined;

interface Sample {
  command: string;
  exit: number;
  lines: string[];
}

/** The ```text block of the setup/doctor section of docs/ise.md, cut at its `$ …  # exit N` lines. */
function readmeSample(): Sample[] {
  const readme = readFileSync(resolve(__dirname, '../../docs/ise.md'), 'utf8');
  const section = readme.slice(readme.indexOf('<!-- section: setup-doctor -->'));
  const block = /```text\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  const samples: Sample[] = [];
  for (const line of block.split('\n')) {
    const cmd = /^\$ (.*?)\s+# exit (\d+)/.exec(line);
    if (cmd) samples.push({ command: cmd[1]!, exit: Number(cmd[2]), lines: [] });
    else if (line !== '') samples.at(-1)?.lines.push(line);
  }
  return samples;
}

/** Ports and dates differ from run to run; everything else must be the same text. */
function normalise(lines: string[], isePort: string, smtpPort: string): string[] {
  return lines.map((l) =>
    l
      .replaceAll(`:${isePort}`, ':ISE_PORT')
      .replaceAll(`:${smtpPort}`, ':SMTP_PORT')
      .replace(/valid until \d{4}-\d{2}-\d{2}/, 'valid until DATE'),
  );
}

describe('docs/ise.md setup/doctor sample', () => {
  it('is what setup and doctor print today, line by line, with the same exit codes', async () => {
    const samples = readmeSample();
    expect(samples.map((s) => s.command)).toEqual([
      'node run.js setup',
      'node run.js setup',
      'node run.js doctor',
      expect.stringMatching(/ISE_CA=wrong-ca\.crt node run\.js doctor$/),
    ]);
    const text = samples.flatMap((s) => s.lines).join('\n');
    const readmeIse = /at localhost:(\d+)/.exec(text)?.[1] ?? '';
    const readmeSmtp = /config mail: 127\.0\.0\.1:(\d+)/.exec(text)?.[1] ?? '';

    w = await startWorld({ ise: { autoApprove: false } });
    const world = w;
    // The README shows the default alert policy: no ALERT_MODE.
    const dflt = { ALERT_MODE: undefined };
    writeConfig(
      world.dir,
      Object.entries(world.env)
        .filter(([k]) => k !== 'ALERT_MODE')
        .map(([k, v]) => `${k}=${v}`),
    );
    const runs = [
      () => world.run(['setup'], dflt),
      async () => {
        world.ise.approve('ise_to_mail');
        return world.run(['setup'], dflt);
      },
      () => world.run(['doctor'], dflt),
      () => {
        const hosts = `localhost:1,localhost:${world.ise.port}`;
        return world.run(['doctor'], { ...dflt, ISE_HOST: hosts, ISE_CA: world.pki.wrongCaFile });
      },
    ];
    for (const [i, sample] of samples.entries()) {
      const r = await runs[i]!();
      const got = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.replaceAll(world.dir, INSTALL_DIR));
      expect(r.code, sample.command).toBe(sample.exit);
      expect(normalise(got, String(world.ise.port), String(world.smtp.port)), sample.command).toEqual(
        normalise(sample.lines, readmeIse, readmeSmtp),
      );
    }
  });
});
