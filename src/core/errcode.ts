/**
 * The system error code (ENOENT, ECONNRESET, ...) of a thrown value, or `none` when it has none
 * (`'error'` where the code goes into a message). Looks a few levels down the `cause` chain too:
 * Node and our own wrappers put the system error there.
 */
export function errCode(err: unknown, none = ''): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return none;
}
