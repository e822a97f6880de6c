// `npm run test:clock`: the tests that run on a simulated clock, as if the suite had started at the
// hours around midnight UTC, where a day boundary falls inside their simulated time (a daily
// digest, dates in the mail). CI starts the suite at any hour; this makes that hour not matter.
// The hour is read only by test/helpers/sim-start.ts (ISE_TO_MAIL_TEST_SIM_START_HOUR).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const HOURS = ['23', '0'];
const USES_SIM_CLOCK = /from '\.\.\/helpers\/(sim-start|digest-sim|incident-sim)'/;

const files = ['unit', 'integration', 'e2e']
  .flatMap((tier) => readdirSync(join('test', tier)).map((f) => join('test', tier, f)))
  .filter((f) => f.endsWith('.test.ts') && USES_SIM_CLOCK.test(readFileSync(f, 'utf8')))
  .sort();
if (files.length === 0) throw new Error('test:clock: no test uses the simulated clock helpers');

for (const hour of HOURS) {
  console.log(`test:clock: ${files.length} files, simulated start at ${hour}:00 UTC`);
  const r = spawnSync('npx', ['vitest', 'run', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ISE_TO_MAIL_TEST_SIM_START_HOUR: hour },
  });
  if (r.status !== 0) {
    console.error(`test:clock: failed with the simulated start at ${hour}:00 UTC`);
    process.exit(r.status ?? 1);
  }
}
