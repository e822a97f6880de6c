// `npm run demo`: what the tool does, without an ISE. Starts the fake pxGrid (with realistic
// failures) and a local SMTP capture, runs dist/run.js against them the way a switch would, and
// prints the mail that arrives. `node scripts/demo.mjs [bundle]` runs another build of run.js
// (the tests pass the one built from the current source).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadFakes } from './fakes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { startFakePxgrid, startSmtp, makeFailures, sharedPki } = await loadFakes();

const pki = sharedPki();
const ise = await startFakePxgrid({ pki });
const smtp = await startSmtp({ pki });
const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-demo-'));
copyFileSync(process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist/run.js'), join(dir, 'run.js'));
writeFileSync(
  join(dir, 'ise-to-mail.env'),
  [
    `ISE_HOST=localhost:${ise.port}`,
    `ISE_CA=${pki.caFile}`,
    'SMTP_SERVER=127.0.0.1',
    `SMTP_PORT=${smtp.port}`,
    'SMTP_SECURITY=none',
    'MAIL_FROM=ise-alerts@example.net',
    'MAIL_DEST=noc@example.net',
  ].join('\n'),
);
// Real failures repeat: the same laptop retries every minute. Give each user one device so the
// mail shows collapsed rows and top endpoints, as a real batch would.
const devices = new Map();
const records = makeFailures(40, { start: Date.now() - 45 * 60_000, stepMs: 60_000, seed: 7 }).map((r) => {
  if (!devices.has(r.userName))
    devices.set(r.userName, {
      mac: r.callingStationId,
      nasName: r.nasName,
      nasIpAddress: r.nasIpAddress,
      location: r.location,
    });
  const d = devices.get(r.userName);
  return {
    ...r,
    callingStationId: d.mac,
    macAddress: d.mac,
    originalCallingStationId: d.mac,
    nasName: d.nasName,
    nasIpAddress: d.nasIpAddress,
    location: d.location,
  };
});
ise.setFailures(records);

// Asynchronous on purpose: the fake servers live in this process and must keep answering.
const run = async (label, args = []) => {
  console.log(`\n$ node run.js ${args.join(' ').padEnd(12)}# ${label}`);
  const r = await promisify(execFile)(process.execPath, [join(dir, 'run.js'), ...args], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH },
  }).catch((err) => err);
  process.stdout.write(r.stdout + r.stderr);
  console.log(`(exit code ${r.code ?? 0})`);
};

try {
  await run('first run: creates the pxGrid client, which waits for approval');
  ise.approve('ise_to_mail');
  console.log('\n(the ISE admin approves client ise_to_mail under Administration > pxGrid Services)');
  // The default alert policy is an hourly digest: --flush sends the first one now.
  await run('second run: the failures of the last hour, as the digest sent now', ['run', '--flush']);
  const mail = smtp.messages[0];
  if (!mail) throw new Error('no mail arrived');
  const htmlFile = join(root, '.cache/demo-mail.html');
  writeFileSync(htmlFile, mail.parsed.html || '');
  console.log('\n================ the mail that arrived ================');
  // From, To and Subject decoded; Date as the mail has it (mailparser turns it into a JS Date).
  const rawDate = mail.parsed.headerLines.find((l) => l.key === 'date')?.line ?? 'Date: (none)';
  console.log(`From: ${mail.parsed.from?.text}\nTo: ${mail.parsed.to?.text}\n${rawDate}`);
  console.log(`Subject: ${mail.parsed.subject}`);
  console.log(
    `Attachments: ${mail.parsed.attachments.map((a) => `${a.filename} (${a.size} bytes)`).join(', ') || 'none'}\n`,
  );
  console.log(mail.parsed.text);
  console.log('=======================================================');
  console.log(`HTML part saved to ${htmlFile}`);
  await run('third run: nothing new, nothing mailed');
} finally {
  await Promise.all([ise.close(), smtp.close()]);
  rmSync(dir, { recursive: true, force: true });
}
