import { note } from './layout';

/**
 * A section a mail leads with (an incident, the storm groups, the digest's period, a note), the
 * same in both parts. `top`: a card of its own above the failures' card (an incident); otherwise
 * it opens the failures' card, under its band.
 */
export interface Lead {
  text: string[];
  html: string;
  top?: boolean;
  /** It names a Live Logs filter of its own: the failures' card adds none (two would contradict). */
  filters?: boolean;
}

/** A one-paragraph lead, e.g. the note that attachment rows were left out. */
export function noteLead(text: string): Lead {
  return { text: [text, ''], html: note(text).replace('color:#57606a', 'color:#1f2328') };
}
