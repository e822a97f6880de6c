// Issue 13: run from a checkout, the tool writes its config and state next to dist/run.js. None of
// it may show in `git status`: the pxGrid password and MAIL_PASS would be one `git add .` away.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runBundle, startWorld } from '../helpers/world';

let clone: string | undefined;
afterEach(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
  clone = undefined;
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.net', ...args], {
    cwd,
    encoding: 'utf8',
  });

it('after setup, run and doctor from the checkout, git status shows nothing to commit', async () => {
  const w = await startWorld({ smtp: { auth: { user: 'alerts', pass: 'secret-pass' } } });
  // A checkout in miniature: this repository's .gitignore and a committed dist/run.js.
  clone = mkdtempSync(join(tmpdir(), 'ise-to-mail-checkout-'));
  git(clone, 'init', '-q');
  copyFileSync(resolve(__dirname, '../../.gitignore'), join(clone, '.gitignore'));
  mkdirSync(join(clone, 'dist'));
  copyFileSync(join(w.dir, 'run.js'), join(clone, 'dist/run.js'));
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'checkout');

  const dist = join(clone, 'dist');
  // The config next to run.js, as the quickstart has it; nothing from the environment.
  writeFileSync(
    join(dist, 'ise-to-mail.env'),
    `${Object.entries(w.env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\nMAIL_USER=alerts\nMAIL_PASS=secret-pass\n`,
  );
  for (const command of ['setup', 'run', 'doctor']) {
    const r = await runBundle(dist, [command], {});
    expect(r.code, `${command}: ${r.summary}`).toBe(0);
  }
  expect(git(clone, 'status', '--porcelain', '--untracked-files=all')).toBe('');
});
