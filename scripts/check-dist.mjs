// Fails when the freshly built dist/run.js differs from the committed one: users copy that file,
// so it must be exactly what the source builds.
import { execFileSync } from 'node:child_process';

try {
  execFileSync('git', ['diff', '--quiet', 'HEAD', '--', 'dist/run.js'], { stdio: 'inherit' });
} catch {
  console.error(
    'check-dist: dist/run.js differs from the committed bundle. Run `npm run build` and commit dist/run.js.',
  );
  process.exit(1);
}
console.log('check-dist: dist/run.js matches the committed bundle');
