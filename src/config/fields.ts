import * as z from 'zod/mini';
import { parseBool, parseDuration, parseHostEntry, parseTimesOfDay, splitList } from './values';

/**
 * How each setting's text is read, as zod schemas (settings.ts says which reader each variable
 * uses). A reader is made for its variable's name, gets the value already trimmed (the secrets:
 * as written), and refuses with one message that names the variable, says what is wrong and what
 * is expected: the reader is an operator on a switch console.
 */

/** A setting's text in, its value out; a refusal is one zod issue with the operator's message. */
export type Reader<T> = z.ZodMiniType<T, string>;
/** A reader for the variable `name`. */
export type ReaderFor<T> = (name: string) => Reader<T>;

/**
 * The longest delay a Node.js timer holds: longer ones fire after 1 ms
 * (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args), so no duration may exceed it.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

class Invalid {
  constructor(readonly message: string) {}
}

const fail = (message: string): never => {
  throw new Invalid(message);
};

/** A reader from a function that returns the value or calls `fail` with the operator's message. */
const reader = <T>(read: (v: string) => T): Reader<T> =>
  // One schema, not a string schema piped into a transform: a run builds one per setting, and the
  // input is always a string (the environment, the config file or a flag).
  z.transform((v: string, ctx) => {
    try {
      return read(v);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      ctx.issues.push({ code: 'custom', message: err.message, input: v });
      return z.NEVER;
    }
  });

export const text: ReaderFor<string> = () => z.string();

/** Digits (`real`: or a decimal such as 2.5), refused with `range` unless `ok`. */
const number = (what: string, ok: (n: number) => boolean, range: string, real = false) =>
  reader((v) => {
    if (!(real ? /^\d+(\.\d+)?$/ : /^\d+$/).test(v)) fail(what);
    return ok(Number(v)) ? Number(v) : fail(range);
  });
/** A whole number that `ok` accepts; `what` and `range` complete "NAME must be ...". */
export const whole =
  (what: string, ok: (n: number) => boolean, range: string): ReaderFor<number> =>
  (name) =>
    number(`${name} must be ${what}`, ok, `${name} must be ${range}`);
/** A whole number (`real`: or a decimal such as 2.5) of at least `min`. */
export const numberFrom =
  (min: number, real = false): ReaderFor<number> =>
  (name) =>
    number(
      `${name} must be ${real ? 'a number such as 3 or 2.5' : 'a whole number'}`,
      (n) => n >= min,
      `${name} must be at least ${min}`,
      real,
    );
export const port = whole('a port number', (n) => n > 0 && n < 65536, 'between 1 and 65535');

/** A duration that a timer can hold, and that `ok` accepts (else its message). */
export const duration =
  (ok?: [(ms: number) => boolean, string]): ReaderFor<number> =>
  (name) =>
    reader((v) => {
      const ms = parseDuration(v);
      if (ms === undefined) return fail(`${name} must be a duration such as 150s, 10m or 2h (got "${v}")`);
      if (ms > MAX_TIMER_MS)
        fail(`${name} must be at most ${MAX_TIMER_MS}ms (about 24.8 days, the longest a timer can wait; got "${v}")`);
      return ok && !ok[0](ms) ? fail(`${name} ${ok[1]}`) : ms;
    });
/** A duration of at least `min` ms, `shown` as the operator would write it. */
export const durationFrom = (min: number, shown: string) => duration([(ms) => ms >= min, `must be at least ${shown}`]);

export const bool: ReaderFor<boolean> = (name) =>
  reader((v) => parseBool(v) ?? fail(`${name} must be 1 or 0 (got "${v}")`));

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
/** A bare mail address (no display name). */
export const isEmail = (text: string) => EMAIL.test(text);
export const emails: ReaderFor<string[]> = (name) =>
  reader((v) => {
    const list = splitList(v);
    if (list.length === 0) fail(`${name} is empty: give at least one address`);
    const bad = list.find((a) => !isEmail(a));
    return bad === undefined ? list : fail(`${name} has an invalid address: ${bad}`);
  });
const readCodes = (name: string, v: string) => {
  const list = splitList(v);
  const bad = list.find((c) => !/^\d{3,6}$/.test(c));
  return bad === undefined ? list : fail(`${name} takes failure reason codes such as 22040,5440 (got "${bad}")`);
};
export const codes: ReaderFor<string[]> = (name) => reader((v) => readCodes(name, v));
/** Failure reason codes, or `any`. */
export const codesOrAny: ReaderFor<'any' | string[]> = (name) =>
  reader((v) => (v.toLowerCase() === 'any' ? 'any' : readCodes(name, v)));
export const list: ReaderFor<string[]> = () => reader(splitList);
export const hosts: ReaderFor<string> = (name) =>
  reader((v) => {
    const bad = splitList(v).find((entry) => !parseHostEntry(entry));
    return bad === undefined
      ? v
      : fail(`${name} has an invalid entry "${bad}": use host or host:port, comma-separated`);
  });
export const timesOfDay: ReaderFor<number[]> = (name) =>
  reader((v) => parseTimesOfDay(v) ?? fail(`${name} takes times of day such as 08:00,16:00 (got "${v}")`));

/** One of `values` (`anyCase`: in any case), else "NAME must be a, b or c". */
export const oneOf =
  <const T extends string>(values: readonly [T, ...T[]], anyCase = false): ReaderFor<T> =>
  (name) => {
    const said = `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    const exact = z.enum(values, { error: `${name} must be ${said}` });
    return anyCase
      ? z.pipe(
          z.pipe(
            z.string(),
            z.transform((v: string) => v.toLowerCase()),
          ),
          exact,
        )
      : exact;
  };

/** A display name reaches a header: one line, printable, short. */
export const headerText =
  (max: number): ReaderFor<string> =>
  (name) =>
    z
      .string()
      .check(
        z.regex(
          new RegExp(`^[^\\u0000-\\u001f\\u007f]{1,${max}}$`),
          `${name} must be one line of at most ${max} characters`,
        ),
      );

/** Text that `ok` accepts, else `message` (which names the variable). */
export const textWhere =
  (ok: (v: string) => boolean, message: (name: string) => string): ReaderFor<string> =>
  (name) =>
    z.string().check(z.refine(ok, { error: message(name) }));

/**
 * ISE_ADMIN_URL: `https://host[:port]`, nothing else. It goes into every mail as a link, so no
 * credentials, path, query or fragment can ride along; a trailing slash is dropped.
 */
export const adminUrl: ReaderFor<string> = (name) =>
  z.pipe(
    z
      .string()
      .check(
        z.regex(
          /^https:\/\/[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:\d{1,5})?\/?$/,
          `${name} must be the https:// address of the ISE admin portal, e.g. https://ise-pan.example.net`,
        ),
      ),
    z.transform((v: string) => v.replace(/\/$/, '')),
  );
