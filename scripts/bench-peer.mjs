// The two programs `npm run bench` compares, and the SMTPS server both mail to.
//
// The original is obrigg/Cisco-ISE-Email-Notifications' guestshell.py (python3 + requests), run
// from a checkout the user names with --peer; nothing of it is copied here. What it expects, and
// the bench provides: pxGrid on https://$ISE_IP:8910 (hard-coded port and path
// /pxgrid/ise/radius/getFailures, TLS not verified), its password file in ./data/ of its working
// directory, and implicit-TLS SMTP with AUTH, verified against the default CA store (SSL_CERT_FILE
// points OpenSSL at the test CA).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:tls';

export const MAIL = { user: 'ise-alerts@example.net', pass: 'bench-mail-pass', dest: 'noc@example.net' };

/**
 * Implicit-TLS SMTP with AUTH (PLAIN, LOGIN) that counts messages and bytes and keeps nothing else.
 * Its own few lines rather than smtp-server: that one waits 100 ms before its greeting to catch
 * early talkers, which no relay the two programs mail through does, and parses in JavaScript what
 * this only counts.
 */
export async function startSink(pki) {
  const sink = { messages: 0, bytes: 0 };
  const server = createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (socket) => session(socket, sink));
  server.on('tlsClientError', () => undefined);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  sink.port = server.address().port;
  const sockets = new Set();
  server.on('secureConnection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  sink.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  return sink;
}

const END = Buffer.from('\r\n.\r\n');

function session(socket, sink) {
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  const reply = (line) => socket.write(`${line}\r\n`);
  reply('220 bench-sink ESMTP');
  let text = '';
  let data = false;
  let tail = Buffer.alloc(0);
  let login;
  const command = (line) => {
    const verb = line.split(' ', 1)[0].toUpperCase();
    const arg = line.slice(verb.length + 1);
    if (login) return login(line);
    if (verb === 'EHLO') reply('250-bench-sink\r\n250-AUTH PLAIN LOGIN\r\n250-SIZE 209715200\r\n250 8BITMIME');
    else if (verb === 'AUTH' && /^PLAIN /i.test(arg)) authPlain(arg.slice(6));
    else if (verb === 'AUTH' && /^LOGIN$/i.test(arg)) {
      reply('334 VXNlcm5hbWU6');
      login = (user) => {
        reply('334 UGFzc3dvcmQ6');
        login = (pass) => {
          login = undefined;
          authed(Buffer.from(user, 'base64').toString(), Buffer.from(pass, 'base64').toString());
        };
      };
    } else if (verb === 'DATA') {
      data = true;
      tail = Buffer.from('\r\n'); // a terminator right at the start ends an empty message
      reply('354 go ahead');
    } else if (verb === 'QUIT') {
      reply('221 bye');
      socket.end();
    } else if (['MAIL', 'RCPT', 'RSET', 'NOOP', 'HELO'].includes(verb)) reply('250 ok');
    else reply('502 not implemented');
  };
  const authPlain = (b64) => {
    const [, user, pass] = Buffer.from(b64, 'base64').toString().split('\0');
    authed(user, pass);
  };
  const authed = (user, pass) => reply(user === MAIL.user && pass === MAIL.pass ? '235 ok' : '535 bad credentials');
  socket.on('data', (chunk) => {
    while (chunk.length > 0) {
      if (data) {
        // The terminator may straddle chunks: search the last bytes of the previous one too.
        const joined = Buffer.concat([tail, chunk]);
        const at = joined.indexOf(END);
        if (at < 0) {
          sink.bytes += chunk.length;
          tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 4)));
          return;
        }
        const used = at + END.length - tail.length;
        sink.bytes += Math.max(0, at - tail.length);
        data = false;
        sink.messages += 1;
        reply('250 queued');
        chunk = chunk.subarray(used);
        continue;
      }
      text += chunk.toString('latin1');
      chunk = Buffer.alloc(0);
      for (let eol = text.indexOf('\r\n'); eol >= 0 && !data; eol = text.indexOf('\r\n')) {
        const line = text.slice(0, eol);
        text = text.slice(eol + 2);
        command(line);
        if (data && text) {
          chunk = Buffer.from(text, 'latin1');
          text = '';
        }
      }
    }
  });
}

/** python3 with `requests`, as its real executable (a pyenv shim would add a shell's start-up). */
function python(venvDir, log) {
  const probe = (py) => spawnSync(py, ['-c', 'import sys, requests; print(sys.executable)'], { encoding: 'utf8' });
  const sys = probe('python3');
  if (sys.status === 0) return { python: sys.stdout.trim() };
  if (sys.error) return { missing: 'python3 is not installed' };
  const venvPy = join(venvDir, 'bin', 'python3');
  if (!existsSync(venvPy)) {
    log(`bench: python3 has no requests module; creating a venv in ${venvDir} and installing requests with pip`);
    const made = spawnSync('python3', ['-m', 'venv', venvDir], { stdio: 'inherit' });
    const pip =
      made.status === 0
        ? spawnSync(join(venvDir, 'bin', 'pip'), ['install', '-q', 'requests'], { stdio: 'inherit' })
        : made;
    if (pip.status !== 0) {
      return { missing: 'python3 has no requests module and pip could not install it (install python3-requests)' };
    }
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
    // A mail per run, as the original sends: the default (hourly digests) would only spool.
    ALERT_MODE: 'each-run',
    // BENCH_ENV_X=v passes X=v to our runs (e.g. BENCH_ENV_MAIL_ATTACH=none shows the attachment's share).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith('BENCH_ENV_'))
        .map(([k, v]) => [k.slice(10), v]),
    ),
  };
}
