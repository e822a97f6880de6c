import { parseBool, parseDuration, parseHostEntry, parseTimesOfDay, splitList } from './values';

/**
 * How each setting's text is read (schema.ts lists which reader each variable uses). A reader gets
 * the value already trimmed, except the secrets, which are taken as written. Each names its
 * variable in the error, says what is wrong and what is expected: the reader is an operator on a
 * switch console.
 */

/** A value the field refuses: `message` is the line the operator reads. */
export class Invalid {
  constructor(readonly message: string) {}
}

export type Field<T> = (value: string) => T;

const fail = (message: string): never => {
  throw new Invalid(message);
};

export const text: Field<string> = (v) => v;

/** Digits (`real`: or a decimal such as 2.5), refused with `range` unless `ok`. */
const number =
  (name: string, what: string, ok: (n: number) => boolean, range: string, real = false): Field<number> =>
  (v) => {
    if (!(real ? /^\d+(\.\d+)?$/ : /^\d+$/).test(v)) fail(`${name} must be ${what}`);
    return ok(Number(v)) ? Number(v) : fail(range);
  };
export const whole = (name: string, what: string, ok: (n: number) => boolean, range: string) =>
  number(name, what, ok, range);
/** A whole number (`real`: or a decimal such as 2.5) of at least `min`. */
export const numberFrom = (name: string, min: number, real = false) =>
  number(
    name,
    real ? 'a number such as 3 or 2.5' : 'a whole number',
    (n) => n >= min,
    `${name} must be at least ${min}`,
    real,
  );
export const port = (name: string) =>
  whole(name, 'a port number', (n) => n > 0 && n < 65536, `${name} must be between 1 and 65535`);
export const duration =
  (name: string, ok?: [(ms: number) => boolean, string]): Field<number> =>
  (v) => {
    const ms = parseDuration(v);
    if (ms === undefined) return fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v}")`);
    return ok && !ok[0](ms) ? fail(ok[1]) : ms;
  };
/** A duration of at least `min` ms, `shown` as the operator would write it. */
export const durationFrom = (name: string, min: number, shown: string) =>
  duration(name, [(ms) => ms >= min, `${name} must be at least ${shown}`]);
export const bool =
  (name: string): Field<boolean> =>
  (v) =>
    parseBool(v) ?? fail(`${name} must be 1 or 0 (got "${v}")`);
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
/** A bare mail address (no display name). */
export const isEmail = (text: string) => EMAIL.test(text);
export const emails =
  (name: string): Field<string[]> =>
  (v) => {
    const list = splitList(v);
    if (list.length === 0) fail(`${name} is empty: give at least one address`);
    const bad = list.find((a) => !isEmail(a));
    return bad === undefined ? list : fail(`${name} has an invalid address: ${bad}`);
  };
export const codes =
  (name: string): Field<string[]> =>
  (v) => {
    const list = splitList(v);
    const bad = list.find((c) => !/^\d{3,6}$/.test(c));
    return bad === undefined ? list : fail(`${name} takes failure reason codes such as 22040,5440 (got "${bad}")`);
  };
export const list: Field<string[]> = (v) => splitList(v);
export const hosts: Field<string> = (v) => {
  const bad = splitList(v).find((entry) => !parseHostEntry(entry));
  return bad === undefined ? v : fail(`ISE_HOST has an invalid entry "${bad}": use host or host:port, comma-separated`);
};
export const timesOfDay: Field<number[]> = (v) =>
  parseTimesOfDay(v) ?? fail(`DIGEST_AT takes times of day such as 08:00,16:00 (got "${v}")`);
export const lower = (v: string) => v.toLowerCase();
export const lockoutReasons: Field<'any' | string[]> = (v) =>
  lower(v) === 'any' ? 'any' : codes('INCIDENT_LOCKOUT_REASONS')(v);
export const oneOf =
  <T extends string>(values: readonly T[], message: string, fold = (v: string) => v): Field<T> =>
  (v) =>
    values.includes(fold(v) as T) ? (fold(v) as T) : fail(message);
/** A display name reaches a header: one line, printable, short. */
export const headerText = (name: string, max: number): Field<string> => {
  const ok = new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`);
  return (v) => (ok.test(v) ? v : fail(`${name} must be one line of at most ${max} characters`));
};
/**
 * ISE_ADMIN_URL: `https://host[:port]`, nothing else. It goes into every mail as a link, so no
 * credentials, path, query or fragment can ride along; the trailing slash is dropped.
 */
export const adminUrl: Field<string> = (v) => {
  const ok = /^https:\/\/[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:\d{1,5})?\/?$/.exec(v.trim());
  return ok
    ? v.trim().replace(/\/$/, '')
    : fail('ISE_ADMIN_URL must be the https:// address of the ISE admin portal, e.g. https://ise-pan.example.net');
};
export const check =
  <T>(field: Field<T>, ok: (value: T) => boolean, message: string): Field<T> =>
  (v) => {
    const value = field(v);
    return ok(value) ? value : fail(message);
  };
