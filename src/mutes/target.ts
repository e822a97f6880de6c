import { isIP } from 'node:net';
import { usageError } from '../core/errors';
import { reasonCode } from '../pxgrid/reason';
import type { FailureRecord } from '../pxgrid/schemas';
import { globMatcher } from '../rollup/filters';

/**
 * What a mute matches: `user:GLOB` (userName, case-insensitive, `*` and `?`), `endpoint:MAC`
 * (callingStationId or macAddress, in any of the usual notations), `nas:NAME-OR-IP` (nasName,
 * networkDeviceName or nasIpAddress, case-insensitive; a name without a dot also matches the
 * first label of a fully qualified nasName) or `reason:CODE` (the failure reason code).
 */
export type MuteKind = 'user' | 'endpoint' | 'nas' | 'reason';
export const MUTE_KINDS: readonly MuteKind[] = ['user', 'endpoint', 'nas', 'reason'];

export interface Target {
  kind: MuteKind;
  /** The value as stored and shown (a MAC in its canonical aa:bb:cc:dd:ee:ff form). */
  value: string;
}

export type RecordTest = (record: FailureRecord) => boolean;

const MAX_VALUE = 200;
const USAGE = 'give user:GLOB, endpoint:MAC, nas:NAME-OR-IP or reason:CODE, e.g. nas:sw-lab-01';

/** Parses `kind:value`; a usage error (exit 2) names what is wrong. */
export function parseTarget(text: string): Target {
  const at = text.indexOf(':');
  const kind = text.slice(0, at).trim().toLowerCase() as MuteKind;
  const value = text.slice(at + 1).trim();
  if (at < 0 || !MUTE_KINDS.includes(kind))
    throw usageError(`mute target "${shown(text)}" is not one of the four kinds: ${USAGE}`);
  if (value === '' || value.length > MAX_VALUE || /[\u0000-\u001f\u007f]/.test(value)) {
    throw usageError(`mute target "${shown(text)}" needs a value of 1 to ${MAX_VALUE} printable characters: ${USAGE}`);
  }
  if (kind === 'endpoint') {
    const mac = canonicalMac(value);
    if (!mac)
      throw usageError(
        `endpoint:${shown(value)} is not a MAC address: ` +
          'use e.g. endpoint:00:11:22:33:44:55 (also 00-11-22-33-44-55 or 0011.2233.4455)',
      );
    return { kind, value: mac };
  }
  if (kind === 'reason' && !/^\d{3,6}$/.test(value))
    throw usageError(`reason:${shown(value)} is not a failure reason code: use e.g. reason:22040`);
  return { kind, value };
}

export const targetText = (t: Target): string => `${t.kind}:${t.value}`;

/**
 * A user glob of only `*` and `?` (`*`, `**`, `?*`) matches every user name: such a mute would
 * silence the whole feed, so `mute` asks for --force. The other kinds match one exact value.
 */
export const matchesEverything = (t: Target): boolean => t.kind === 'user' && /^[*?]*\*[*?]*$/.test(t.value);

/** The record test of a target; the pattern is compiled once. */
export function compileTarget(t: Target): RecordTest {
  switch (t.kind) {
    case 'user': {
      const glob = globMatcher(t.value);
      return (r) => glob(text(r.userName));
    }
    case 'endpoint':
      return (r) => [r.callingStationId, r.macAddress].some((v) => canonicalMac(text(v)) === t.value);
    case 'nas':
      return nasTest(t.value.toLowerCase());
    case 'reason':
      return (r) => reasonCode(text(r.failureReason)) === t.value;
  }
}

function nasTest(value: string): RecordTest {
  const short = !value.includes('.') && !isIP(value);
  return (r) =>
    [r.nasName, r.networkDeviceName, r.nasIpAddress].some((v) => {
      const name = text(v).trim().toLowerCase();
      return name === value || (short && name.split('.')[0] === value);
    });
}

/** `00-11-22-AA-BB-CC`, `0011.22aa.bbcc`, `00:11:22:aa:bb:cc` -> `00:11:22:aa:bb:cc`; else undefined. */
export function canonicalMac(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (!/^(?:[0-9a-f]{2}([:-]?)(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})$/.test(v))
    return undefined;
  const hex = v.replace(/[^0-9a-f]/g, '');
  return hex.match(/../g)!.join(':');
}

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const shown = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80);
