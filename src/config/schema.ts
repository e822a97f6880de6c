import * as z from 'zod/mini';
import type { Reader } from './fields';
import type { Setting } from './setting';
import { type Key, type RawConfig, SETTINGS } from './settings';

export { isEmail } from './fields';

/**
 * The configuration schema, built from the settings table: each setting's reader, its text
 * trimmed (a secret taken as written), its default read like a set value, or optional. One parse
 * reports every refused setting, so one run shows every mistake.
 */

type Table = typeof SETTINGS;
type Out<S> = S extends { read: (name: string) => Reader<infer T> }
  ? S extends { default: string }
    ? T
    : T | undefined
  : never;
/** The settings as read: the type follows from each setting's reader and whether it has a default. */
export type Parsed = { -readonly [K in Key]: Out<Table[K]> };

/** A setting with a default always has text: its own, or the default's (see parseRaw). */
const schemaOf = (key: string, s: Setting): z.ZodMiniType =>
  s.default === undefined ? z.optional(s.read(key)) : s.read(key);

/** The text of every default, read like a set value. */
const DEFAULT_TEXT = Object.fromEntries(
  Object.entries(SETTINGS).flatMap(([key, s]: [string, Setting]) =>
    s.default === undefined ? [] : [[key, s.default]],
  ),
) as RawConfig;

let built: z.ZodMiniType | undefined;
/** Built on first use: `--version` and `--help` need no schema. */
const schema = () =>
  (built ??= z.object(
    Object.fromEntries(Object.entries(SETTINGS).map(([key, s]: [string, Setting]) => [key, schemaOf(key, s)])),
  ));

export interface Issue {
  key: Key;
  message: string;
}
export type ParseResult = { success: true; data: Parsed } | { success: false; issues: Issue[] };

/** Every setting in table order; each refused one is reported once. */
export function parseRaw(raw: RawConfig): ParseResult {
  const text: RawConfig = { ...DEFAULT_TEXT };
  for (const [key, value] of Object.entries(raw) as [Key, string][])
    text[key] = SETTINGS[key].secret ? value : value.trim();
  const result = z.safeParse(schema(), text);
  if (result.success) return { success: true, data: result.data as Parsed };
  return { success: false, issues: result.error.issues.map((i) => ({ key: i.path[0] as Key, message: i.message })) };
}

/** The value of every setting left unset. */
export function defaults(): Parsed {
  const result = parseRaw({});
  if (!result.success) throw new Error(`a default is invalid: ${result.issues[0]?.key}`);
  return result.data;
}
