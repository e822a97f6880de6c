/**
 * Shape checks for parsed JSON (state files, spool, stored answers): type guards built like a
 * schema, with the type inferred from them. No schema library: the one we had cost ~130 KB of
 * bundle and ~10 ms of start-up per run (measured) for checks no message depends on; a state
 * file either has the shape or is reported corrupt.
 */
import { isObject } from './json';

export type Guard<T> = (v: unknown) => v is T;
export type Infer<G> = G extends Guard<infer T> ? T : never;

type Shape = Record<string, Guard<unknown>>;
type Optional<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, Optional<S>>]: Infer<S[K]> } & { [K in Optional<S>]?: Infer<S[K]> }
>;

/** Anything: for values checked later, where they are read. */
export const anything: Guard<unknown> = (_v: unknown): _v is unknown => true;
export const str: Guard<string> = (v): v is string => typeof v === 'string';
export const bool: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
/** A finite number (NaN and the infinities never come from JSON.parse, but may from a caller). */
export const num: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);

/** An integer of at least `min`. */
export const int =
  (min = Number.NEGATIVE_INFINITY): Guard<number> =>
  (v): v is number =>
    Number.isInteger(v) && (v as number) >= min;

export const literal =
  <const L extends string | number | boolean>(l: L): Guard<L> =>
  (v): v is L =>
    v === l;

export const oneOf =
  <const L extends readonly string[]>(list: L): Guard<L[number]> =>
  (v): v is L[number] =>
    typeof v === 'string' && list.includes(v);

export const nullable =
  <T>(g: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || g(v);

export const optional =
  <T>(g: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || g(v);

/** `g`, and `test` holds. */
export const refine =
  <T>(g: Guard<T>, test: (v: T) => boolean): Guard<T> =>
  (v): v is T =>
    g(v) && test(v);

/** An array of `g`, of exactly `length` items when given. */
export const arr =
  <T>(g: Guard<T>, length?: number): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && (length === undefined || v.length === length) && v.every(g);

export const tuple =
  <const G extends readonly Guard<unknown>[]>(...gs: G): Guard<{ -readonly [I in keyof G]: Infer<G[I]> }> =>
  (v): v is { -readonly [I in keyof G]: Infer<G[I]> } =>
    Array.isArray(v) && v.length === gs.length && gs.every((g, i) => g(v[i]));

/** An object whose own values all pass `g` (any keys). */
export const record =
  <T>(g: Guard<T>): Guard<Record<string, T>> =>
  (v): v is Record<string, T> =>
    isObject(v) && Object.values(v).every(g);

/** An object with (at least) these properties; unknown ones are kept as they are. */
export const obj =
  <S extends Shape>(shape: S): Guard<ObjectOf<S>> =>
  (v): v is ObjectOf<S> => {
    if (!isObject(v)) return false;
    for (const key in shape) if (!shape[key]!(v[key])) return false;
    return true;
  };

/** A guard as a check: the value, typed, or undefined. */
export const checkOf =
  <T>(g: Guard<T>) =>
  (v: unknown): T | undefined =>
    g(v) ? v : undefined;
