/**
 * Maps from names that come off the wire (NAS names, reason codes) that must also be plain JSON in
 * a state file: objects without a prototype, so `constructor`, `toString` or `__proto__` are keys
 * like any other (on `{}` they read as Object.prototype's members, and assigning `__proto__` is
 * dropped). JSON.parse and structuredClone give ordinary objects back: pass them through `dict`.
 */
export type Dict<T> = Record<string, T>;

export function dict<T>(from: Readonly<Record<string, T>> | Iterable<readonly [string, T]> = {}): Dict<T> {
  const d = Object.create(null) as Dict<T>;
  const entries = Symbol.iterator in from ? from : Object.entries(from);
  for (const [k, v] of entries as Iterable<readonly [string, T]>) d[k] = v;
  return d;
}
