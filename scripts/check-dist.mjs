// Fails when the freshly built dist/run.js differs from the committed one: users copy that file,
// so it must be exactly what the source builds. Fails too when git tracks anything else under
// dist/: a committed state file (data/health.json) or config would reach every fresh clone, and
// when .gitignore lets such files through.
import { execFileSync } from 'node:child_process';

const tracked = execFileSync('git', ['ls-files', '--', 'dist'], { encoding: 'utf8' }).split('\n');
const extra = tracked.filter((f) => f !== '' && f !== 'dist/run.js');
if (extra.length > 0) {
  const files = extra.join(', ');
  console.error(`check-dist: git tracks ${files} under dist/, where only run.js belongs: \`git rm --cached\` them.`);
  process.exit(1);
}
// What a run from the checkout writes next to run.js: it holds the pxGrid password and MAIL_PASS.
for (const local of ['dist/ise-to-mail.env', 'dist/data/pxgrid-account.json', 'data/cursor.json']) {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', local]);
  } catch {
    console.error(`check-dist: .gitignore does not cover ${local}, local state or config of a run from the checkout.`);
    process.exit(1);
  }
}
try {
  execFileSync('git', ['diff', '--quiet', 'HEAD', '--', 'dist/run.js'], { stdio: 'inherit' });
} catch {
  console.error('check-dist: dist/run.js differs from the committed bundle: `npm run build` and commit dist/run.js.');
  process.exit(1);
}
console.log('check-dist: dist/run.js matches the committed bundle; nothing else under dist/ is tracked or unignored');
