/** What the byte scan (jsonscan.ts) refuses or cuts short, and what it says of a reply that is no JSON object. */
export const MAX_KEY_BYTES = 256;
/** How much of a record nested too deep onTooDeep gets: enough for its id. */
export const HEAD_BYTES = 200;
/** Deeper than this is an attack, not a record; each open level costs memory until it closes. */
export const MAX_DEPTH = 10_000;
export const AFTER_END = 'unexpected data after the end of the JSON response';
export const NOT_OBJECT = 'the response is not a JSON object';
