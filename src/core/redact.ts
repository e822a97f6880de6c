/** Replaces every occurrence of each secret with `***`: the last line of defence for output. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((acc, s) => acc.split(s).join('***'), text);
}
