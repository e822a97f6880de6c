/**
 * Secrets learnt while the process runs, not known from the configuration: the pxGrid AccessSecret
 * of each node a run fetches from (a node that echoes Authorization would otherwise put it into
 * the summary, health.json and the PROBLEM mail). Only ever added to: a secret stays redacted for
 * the life of the process.
 */
const learnt = new Set<string>();

/** Registers secrets learnt during the run; each is redacted raw and in its wire encodings. */
export function learnSecret(...raw: string[]): void {
  for (const s of raw) for (const form of [s, ...encodings(s)]) if (form.length >= 4) learnt.add(form);
}

/**
 * A secret as a peer may quote it back: base64 with and without its `=` padding (some SMTP
 * servers quote AUTH PLAIN unpadded), hex in either case. Padded before unpadded, so a padded
 * form is redacted whole.
 */
export function encodings(raw: string): string[] {
  const bytes = Buffer.from(raw, 'utf8');
  const base64 = bytes.toString('base64');
  const hex = bytes.toString('hex');
  return [base64, base64.replace(/=+$/, ''), hex, hex.toUpperCase()];
}

/** Replaces every occurrence of each secret with `***`: the last line of defence for output. */
export function redact(text: string, secrets: readonly string[]): string {
  const all = learnt.size ? [...secrets, ...learnt] : secrets;
  return all.reduce((acc, s) => acc.split(s).join('***'), text);
}
