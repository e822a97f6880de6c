/** A parsed JSON object (not an array, not null): what every wire and state-file check starts from. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
