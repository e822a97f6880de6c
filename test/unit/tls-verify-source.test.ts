// "No code path disables TLS verification unless ISE_INSECURE=1", proven on the source:
// every switch that can turn verification off is listed here, and only the one in
// src/pxgrid/tls.ts, driven by ISE_INSECURE, may exist. The e2e side is in pxgrid-tls.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTls } from '../../src/pxgrid/tls';
import { sharedPki } from '../fake/pki';

const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Lines (file:line: text) matching `re`, comments excluded. */
function hits(re: RegExp): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (re.test(code)) out.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}

describe('TLS verification cannot be turned off except by ISE_INSECURE', () => {
  it('the scan sees the source tree', () => {
    expect(sources(SRC).length).toBeGreaterThan(20);
  });

  it('rejectUnauthorized is set to something other than `true` in exactly one place, from ise.insecure', () => {
    const all = hits(/rejectUnauthorized\s*[:=]/);
    // `: true` and the interface's `: boolean;` are harmless; everything else must be listed.
    const notTrue = all.filter((l) => !/rejectUnauthorized\s*:\s*(true\b|boolean;)/.test(l));
    expect(notTrue).toEqual([
      expect.stringMatching(/^pxgrid\/tls\.ts:\d+: return .*rejectUnauthorized: !ise\.insecure \}/),
    ]);
  });

  it(
    'no other switch: NODE_TLS_REJECT_UNAUTHORIZED, checkServerIdentity overrides, ignoring certificate ' + 'errors',
    () => {
      expect(hits(/NODE_TLS_REJECT_UNAUTHORIZED/)).toEqual([]);
      expect(hits(/checkServerIdentity\s*[:=(]/)).toEqual([]);
      expect(hits(/\binsecureHTTPParser\b|secureProtocol|SSL_OP_|verify\s*[:=]\s*false/i)).toEqual([]);
    },
  );

  it('the insecure flag is read only by config, the CLI warning, the TLS material and the WARN note', () => {
    const files = new Set(hits(/\binsecure\b/).map((l) => l.split(':')[0]));
    expect([...files].sort()).toEqual([
      'cli/cli.ts',
      'cli/load-config.ts',
      'config/config.ts',
      // The Config type declares the field; it reads nothing.
      'config/types.ts',
      'poll/notes.ts',
      'pxgrid/tls.ts',
    ]);
  });

  it('loadTls verifies unless ISE_INSECURE=1', () => {
    const pki = sharedPki();
    const ise = { hosts: [], nodeName: 'n', ca: pki.caFile, insecure: false };
    expect(loadTls(ise, Date.now()).rejectUnauthorized).toBe(true);
    expect(loadTls({ ...ise, insecure: true }, Date.now()).rejectUnauthorized).toBe(false);
  });
});
