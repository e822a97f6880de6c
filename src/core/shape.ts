/**
 * Schemas of the JSON state files (zod/mini), and the check that reads them: a file either has
 * the shape or is reported corrupt; no message depends on which part is wrong. The per-record
 * checks of pxGrid answers are hand-written where records arrive (a storm brings 100 000).
 */
import * as z from 'zod/mini';

/**
 * A schema as a check: the value, typed, or undefined. The value itself comes back, not a copy
 * (the schemas only check; unknown properties stay as they are). Built on first use: a run reads
 * only some of the state files.
 */
export function checkOf<S extends z.ZodMiniType>(build: () => S): (v: unknown) => z.output<S> | undefined {
  let schema: S | undefined;
  return (v) => {
    schema ??= build();
    return z.safeParse(schema, v).success ? (v as z.output<S>) : undefined;
  };
}

/** An integer of at least `min`. */
export const int = (min?: number) => (min === undefined ? z.int() : z.int().check(z.gte(min)));
/** A count: an integer of at least 0. */
export const count = () => int(0);
/** An array of exactly `length` items. */
export const arrOf = <T extends z.ZodMiniType>(item: T, length: number) => z.array(item).check(z.length(length));
/** A string that matches `re`. */
export const matching = (re: RegExp) => z.string().check(z.regex(re));
/** A string that Date.parse reads. */
export const isoTime = () => z.string().check(z.refine((s) => Number.isFinite(Date.parse(s))));
