// The two programs `npm run bench` compares, and the SMTPS server both mail to.
//
// The original is obrigg/Cisco-ISE-Email-Notifications' guestshell.py (python3 + requests), run
// from a checkout the user names with --peer; nothing of it is copied here. What it expects, and
// the bench provides: pxGrid on https://$ISE_IP:8910 (hard-coded port and path
// /pxgrid/ise/radius/getFailures, TLS not verified), its password file in ./data/ of its working
// directory, and implicit-TLS SMTP with AUTH, verified against the default CA store (SSL_CERT_FILE
// points OpenSSL at the test CA).
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export const MAIL = { user: 'ise-alerts@example.net', pass: 'bench-mail-pass', dest: 'noc@example.net' };

/** Implicit-TLS SMTP with AUTH that counts messages and bytes and keeps nothing else. */
export async function startSink(pki) {
  const sink = { messages: 0, bytes: 0 };
  const server = new SMTPServer({
    secure: true,
    key: pki.serverKeyPem,
    cert: pki.serverCertPem,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 100,
    size: 200 * 1024 * 1024,
    onAuth: (a, _s, cb) =>
      a.username === MAIL.user && a.password === MAIL.pass
        ? cb(null, { user: a.username })
        : cb(new Error('bad credentials')),
    onData(stream, _s, cb) {
      stream.on('data', (d) => (sink.bytes += d.length));
      stream.on('end', () => {
        sink.messages += 1;
        cb();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  sink.port = server.server.address().port;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}

/** python3 with `requests`, as its real executable (a pyenv shim would add a shell's start-up). */
function python(venvDir, log) {
  const probe = (py) => spawnSync(py, ['-c', 'import sys, requests; print(sys.executable)'], { encoding: 'utf8' });
  const sys = probe('python3');
  if (sys.status === 0) return { python: realpathSync(sys.stdout.trim()) };
  if (sys.error) return { missing: 'python3 is not installed' };
  const venvPy = join(venvDir, 'bin', 'python3');
  if (!existsSync(venvPy)) {
    log(`bench: python3 has no requests module; creating a venv in ${venvDir} and installing requests with pip`);
    const made = spawnSync('python3', ['-m', 'venv', venvDir], { stdio: 'inherit' });
    const pip =
      made.status === 0 && spawnSync(join(venvDir, 'bin', 'pip'), ['install', '-q', 'requests'], { stdio: 'inherit' });
    if (pip?.status !== 0)
      return { missing: 'python3 has no requests module and pip could not install it (install python3-requests)' };
  }
  const venv = probe(venvPy);
  return venv.status === 0 ? { python: venv.stdout.trim() } : { missing: 'the venv python cannot import requests' };
}

/** The original, ready to run, or `{ missing }` saying why the bench runs without it. */
export function findPeer(dir, venvDir, log) {
  if (!dir) return { missing: 'no --peer <checkout of obrigg/Cisco-ISE-Email-Notifications> given' };
  const script = join(dir, 'guestshell.py');
  if (!existsSync(script)) return { missing: `${script} does not exist` };
  const py = python(venvDir, log);
  return py.python
    ? { argv: [py.python, script], label: spawnSync(py.python, ['-V'], { encoding: 'utf8' }).stdout.trim() }
    : py;
}

/** Environment of the original (guestshell.py reads only these). */
export function peerEnv(pki, sink) {
  return {
    PATH: process.env.PATH,
    ISE_IP: '127.0.0.1',
    PXGRID_USER: 'bench_original',
    SMTP_SERVER: 'localhost',
    MAIL_PORT: String(sink.port),
    MAIL_USER: MAIL.user,
    MAIL_PASS: MAIL.pass,
    MAIL_DEST: MAIL.dest,
    SSL_CERT_FILE: pki.caFile,
  };
}

/** Environment of ours: the same ISE and SMTPS server, TLS verified against the test CA. */
export function oursEnv(pki, sink, stateDir) {
  return {
    PATH: process.env.PATH,
    ISE_HOST: 'localhost:8910',
    ISE_CA: pki.caFile,
    PXGRID_USER: 'bench_ours',
    SMTP_SERVER: 'localhost',
    SMTP_PORT: String(sink.port),
    SMTP_SECURITY: 'tls',
    SMTP_CA: pki.caFile,
    MAIL_USER: MAIL.user,
    MAIL_PASS: MAIL.pass,
    MAIL_DEST: MAIL.dest,
    STATE_DIR: stateDir,
    // BENCH_ENV_X=v passes X=v to our runs (e.g. BENCH_ENV_MAIL_ATTACH=none shows the attachment's share).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith('BENCH_ENV_'))
        .map(([k, v]) => [k.slice(10), v]),
    ),
  };
}
