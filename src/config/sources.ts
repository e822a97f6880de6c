/** Where raw values come from besides the flags: the config file and the environment. */
import { readFileSync } from 'node:fs';
import { errCode } from '../core/errcode';
import { usageError } from '../core/errors';
import { parseEnvFile } from './envfile';
import { canonicalKey, closestKey, type RawConfig } from './keys';

/** The file's settings; each unknown key becomes a problem naming its line and the likely key. */
export function readConfigFile(file: string, problems: string[]): RawConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError(
      `cannot read config file ${file} (${errCode(err, 'error')}): check the path given ` +
        `with --config or ISE_TO_MAIL_CONFIG`,
    );
  }
  const { entries, problems: refused } = parseEnvFile(text, file);
  problems.push(...refused);
  const out: RawConfig = {};
  for (const { key: name, value, line } of entries) {
    const key = canonicalKey(name);
    if (key === 'ISE_TO_MAIL_CONFIG') {
      problems.push(`${file} line ${line}: ISE_TO_MAIL_CONFIG names the config file, so it cannot be set inside one`);
    } else if (!key) {
      const guess = closestKey(name);
      const hint = guess ? `: did you mean ${guess}?` : "; see 'run.js --help' for the list of variables";
      problems.push(`${file} line ${line}: unknown key ${name}${hint}`);
    } else if (name === key || out[key] === undefined) out[key] = value;
  }
  return out;
}

/** Environment variables that look like a mistyped setting: ignored, so the operator is told. */
export function envWarnings(env: Record<string, string | undefined>): string[] {
  return Object.keys(env).flatMap((name) => {
    const key = canonicalKey(name) ? undefined : closestKey(name, { contained: false });
    return key ? [`environment variable ${name} is not a setting and is ignored: did you mean ${key}?`] : [];
  });
}
