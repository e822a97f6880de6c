/**
 * The settings a command cannot do without. Checked on the raw values, so one message can name
 * every missing setting next to every invalid one: a new user learns them all from one run.
 */
import { usageError } from '../core/errors';
import { KEYS, type Key, type RawConfig } from './keys';
import { isEmail } from './schema';
import { parseBool, splitList } from './values';

/** What a command talks to: `ise` needs the pxGrid settings, `mail` the SMTP ones. */
export type Need = 'ise' | 'mail';

/** What to give for a missing setting (the settings table says). */
const give = (key: Key) => KEYS[key].give ?? `a value for ${key}`;

/** Every problem with the settings `needs` asks for, one clause each; `source` says where settings go. */
export function settingProblems(raw: RawConfig, needs: readonly Need[], source: string): string[] {
  const missing: Key[] = [];
  const problems: string[] = [];
  const unset = (key: Key) => raw[key] === undefined;
  if (needs.includes('ise')) {
    if (splitList(raw.ISE_HOST ?? '').length === 0) missing.push('ISE_HOST');
    if (unset('ISE_CA') && !parseBool(raw.ISE_INSECURE ?? '')) missing.push('ISE_CA');
    problems.push(
      ...pair(raw, 'PXGRID_CERT', 'PXGRID_KEY', 'set both for certificate auth, or neither for the password flow'),
    );
  }
  if (needs.includes('mail')) {
    if (unset('SMTP_SERVER')) missing.push('SMTP_SERVER');
    if (unset('MAIL_DEST')) missing.push('MAIL_DEST');
    const from = raw.MAIL_FROM ?? raw.MAIL_USER;
    if (from === undefined) missing.push('MAIL_FROM');
    else if (!isEmail(from.trim())) problems.push(badFrom(raw, from));
    problems.push(...pair(raw, 'MAIL_USER', 'MAIL_PASS', 'set both for SMTP AUTH, or neither to send without AUTH'));
  }
  return missing.length > 0 ? [notSet(missing, source), ...problems] : problems;
}

/** Throws one usage error naming every missing or inconsistent setting of `needs`. */
export function requireSettings(cfg: { raw: RawConfig; configFile?: string }, needs: readonly Need[]): void {
  const problems = settingProblems(cfg.raw, needs, settingsSource(cfg.configFile));
  if (problems.length > 0) throw usageError(problems.join('; '));
}

/** Where the operator puts a setting, for "is not set" messages. */
export function settingsSource(configFile: string | undefined): string {
  return `environment or ${configFile ?? 'ise-to-mail.env next to run.js'}`;
}

function notSet(keys: Key[], source: string): string {
  if (keys.length === 1) return `${keys[0]} is not set: give ${give(keys[0]!)} (${source})`;
  const list = keys.map((k) => `${k} (${give(k).replace(/^the /, '')})`).join(', ');
  return `${keys.length} settings are not set: ${list}; set them in the ${source}`;
}

/** Two settings that only work together: the message names the one that is missing. */
function pair(raw: RawConfig, a: Key, b: Key, how: string): string[] {
  if ((raw[a] === undefined) === (raw[b] === undefined)) return [];
  const [set, unsetKey] = raw[a] === undefined ? [b, a] : [a, b];
  return [`${unsetKey} is not set but ${set} is: ${how}`];
}

function badFrom(raw: RawConfig, from: string): string {
  const which = raw.MAIL_FROM ? 'MAIL_FROM' : 'MAIL_FROM (taken from MAIL_USER)';
  return (
    `${which} is not a mail address: "${from.trim().slice(0, 80)}"; set MAIL_FROM to the sender address, ` +
    `e.g. ise-alerts@example.net`
  );
}
