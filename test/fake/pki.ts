// Throw-away PKI for the pxGrid and SMTP fakes, generated with the openssl CLI.
// EC P-256 keys because RSA generation would make every test run noticeably slower.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** PKCS#8 encrypted copy of clientKeyFile; passphrase is clientKeyPassphrase. */
  clientKeyEncFile: string;
  clientKeyPassphrase: string;
  /** An unrelated CA: trusting it instead of caFile must make verification fail. */
  wrongCaFile: string;
  /** Client cert/key issued by the wrong CA, for "untrusted client cert" tests. */
  wrongClientCertFile: string;
  wrongClientKeyFile: string;
}

const OPENSSL = '/usr/bin/openssl';
export const CLIENT_KEY_PASSPHRASE = 'clientpass';
/** Common name of the client certificate; equals the nodeName tests use for cert accounts. */
export const CLIENT_CN = 'ise_to_mail';

function openssl(args: string[]): void {
  // stdio piped so the "-----" progress noise never reaches the test console.
  execFileSync(OPENSSL, args, { stdio: 'pipe' });
}

/** Own config file per cert so the system openssl.cnf defaults (e.g. v3_ca) never leak in. */
function writeConfig(dir: string, name: string, cn: string, ext: string[]): string {
  const file = join(dir, `${name}.cnf`);
  const text = [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    'x509_extensions = ext',
    '[dn]',
    `CN = ${cn}`,
    '[ext]',
    ...ext,
    '',
  ].join('\n');
  writeFileSync(file, text);
  return file;
}

const newKeyArgs = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCa(dir: string, name: string, cn: string): { cert: string; key: string } {
  const cfg = writeConfig(dir, name, cn, [
    'basicConstraints = critical,CA:TRUE',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
  ]);
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  openssl(['req', '-x509', '-new', ...newKeyArgs, '-keyout', key, '-out', cert, '-days', '30', '-config', cfg]);
  return { cert, key };
}

interface Leaf {
  name: string;
  cn: string;
  ext: string[];
}

function makeLeaf(dir: string, ca: { cert: string; key: string }, leaf: Leaf) {
  const cfg = writeConfig(dir, leaf.name, leaf.cn, [
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature',
    'authorityKeyIdentifier = keyid',
    ...leaf.ext,
  ]);
  const cert = join(dir, `${leaf.name}.crt`);
  const key = join(dir, `${leaf.name}.key`);
  // OpenSSL 3 "req -x509 -CA" issues a CA-signed cert in one step (no CSR/serial files).
  openssl([
    'req',
    '-x509',
    '-new',
    ...newKeyArgs,
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-config',
    cfg,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
  ]);
  return { cert, key };
}

const PREFIX = 'ise-to-mail-pki-';
const STALE_MS = 60 * 60 * 1000;

/**
 * vitest kills its workers without an 'exit' event, so dirs from earlier runs are swept
 * here instead; only hour-old ones, which no concurrent run can still be using.
 */
function sweepStale(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Raced with another process sweeping the same dir: nothing to do.
    }
  }
}

const tempDirs: string[] = [];
function tempDir(): string {
  sweepStale();
  const d = mkdtempSync(join(tmpdir(), PREFIX));
  // One listener for all dirs: a listener per call would trip MaxListenersExceededWarning.
  if (tempDirs.length === 0) {
    process.once('exit', () => tempDirs.forEach((t) => rmSync(t, { recursive: true, force: true })));
  }
  tempDirs.push(d);
  return d;
}

/** Generates a fresh PKI (synchronously) into `dir` or a new temp directory. */
export function makePki(dir?: string): TestPki {
  const root = dir ?? tempDir();
  mkdirSync(root, { recursive: true });
  const ca = makeCa(root, 'ca', 'ise-to-mail Test CA');
  // Deliberately no IP SAN: connecting to 127.0.0.1 must fail hostname verification,
  // like ISE, whose certs carry FQDNs only.
  const server = makeLeaf(root, ca, {
    name: 'server',
    cn: 'ise-sim.test',
    ext: ['extendedKeyUsage = serverAuth,clientAuth', 'subjectAltName = DNS:localhost,DNS:ise-sim.test'],
  });
  const client = makeLeaf(root, ca, {
    name: 'client',
    cn: CLIENT_CN,
    ext: ['extendedKeyUsage = clientAuth'],
  });
  const clientKeyEncFile = join(root, 'client.enc.key');
  openssl([
    'pkey',
    '-in',
    client.key,
    '-aes-256-cbc',
    '-passout',
    `pass:${CLIENT_KEY_PASSPHRASE}`,
    '-out',
    clientKeyEncFile,
  ]);
  const wrongCa = makeCa(root, 'wrong-ca', 'Unrelated Test CA');
  const wrongClient = makeLeaf(root, wrongCa, {
    name: 'wrong-client',
    cn: CLIENT_CN,
    ext: ['extendedKeyUsage = clientAuth'],
  });
  return {
    dir: root,
    caFile: ca.cert,
    caPem: readFileSync(ca.cert, 'utf8'),
    serverCertPem: readFileSync(server.cert, 'utf8'),
    serverKeyPem: readFileSync(server.key, 'utf8'),
    clientCertFile: client.cert,
    clientKeyFile: client.key,
    clientKeyEncFile,
    clientKeyPassphrase: CLIENT_KEY_PASSPHRASE,
    wrongCaFile: wrongCa.cert,
    wrongClientCertFile: wrongClient.cert,
    wrongClientKeyFile: wrongClient.key,
  };
}

let shared: TestPki | undefined;

/** One PKI per process: vitest runs each test file in its own worker, so this is per file. */
export function sharedPki(): TestPki {
  shared ??= makePki();
  return shared;
}
