import type { Config } from '../config/config';
import type { Deadline } from '../core/deadline';
import { AppError } from '../core/errors';
import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import type { Sent } from '../mail/transport';
import type { FailureRecord } from '../pxgrid/schemas';
import { type Compose, sendFitted } from '../sizecap/fit';
import { planWithheld } from './file';
import { withheldCopy } from './records';

/**
 * A mail the server refuses for its content (5xx after DATA, error kind `mail-content`) must not
 * block every later mail: any supplicant chooses its user name, and one a content, spam or DLP
 * filter refuses would otherwise be fetched and refused again on every run. So the mail's records
 * are halved until the refused ones are found: each half the server accepts is delivered as it is,
 * in full; a single record it refuses is withheld: mailed with its values left out, saying what the
 * server answered, and its values saved on the device (file.ts) once that mail was accepted.
 *
 * Bounded: at most MAX_SENDS messages per run (with one refused record among 1 000, about 20), and
 * none once less than `reserveMs` of RUN_DEADLINE is left; what is not split by then is withheld
 * as a whole. A refusal of the withheld mail itself, or any other mail error, ends the run as
 * before (exit 5; the parts already accepted are mailed again by the next run: at least once).
 */
export const MAX_SENDS = 24;

export interface Splittable {
  /** Every record of the mail (after filters), or undefined when they were not all kept; read on refusal only. */
  records(): FailureRecord[] | undefined;
  /**
   * The mail for some of them, `note` leading it; `first`: no part was accepted yet, so this one
   * carries what the whole mail says once (an opened incident leads it and gives its subject).
   */
  compose(records: FailureRecord[], note: string, first: boolean): Compose;
  /** RUN_DEADLINE time below which no further message is tried. */
  reserveMs: number;
}

export interface SplitSent extends Sent {
  /** Records mailed with their values withheld; 0 when the first mail went through. */
  withheld: number;
  /** Messages the server accepted. */
  parts: number;
  /** The withheld-values file, when any was withheld. */
  file?: string;
  /** The server's refusal, e.g. `554`. */
  code?: number;
}

export const isContentRefusal = (err: unknown): err is AppError =>
  err instanceof AppError && err.kind === 'mail-content';

/** Sends the mail; a content refusal splits it as described above (without `s`, it is final). */
export async function sendSplitting(
  cfg: Config,
  deadline: Deadline,
  compose: Compose,
  s?: Splittable,
): Promise<SplitSent> {
  try {
    return { ...(await sendFitted(cfg, deadline, compose)), withheld: 0, parts: 1 };
  } catch (err) {
    const records = isContentRefusal(err) ? s?.records() : undefined;
    if (!s || !records || records.length === 0) throw err;
    return split(cfg, deadline, s, records, err as AppError);
  }
}

async function split(
  cfg: Config,
  deadline: Deadline,
  s: Splittable,
  all: FailureRecord[],
  first: AppError,
): Promise<SplitSent> {
  const reply = serverReply(first);
  const partNote =
    `The mail server refused the mail holding these failures (it answered "${reply.said}"), so they are mailed ` +
    'in parts. Any failure it refuses is mailed separately with its values withheld.';
  const accepted: Sent[] = [];
  // A mail of one record refused is that record refused: no second try of the same message.
  const refused: FailureRecord[] = all.length === 1 ? [...all] : [];
  const queue = all.length === 1 ? [] : halves(all);
  let sends = 1;
  while (queue.length > 0) {
    const group = queue.shift()!;
    if (sends >= MAX_SENDS || deadline.remaining() < s.reserveMs) {
      refused.push(...group);
      continue;
    }
    sends++;
    try {
      accepted.push(await sendFitted(cfg, deadline, s.compose(group, partNote, accepted.length === 0)));
    } catch (err) {
      if (!isContentRefusal(err)) throw err;
      if (group.length === 1) refused.push(group[0]!);
      else queue.push(...halves(group));
    }
  }
  const { file, refs, save } = planWithheld(cfg.stateDir, refused.length, deadline.now());
  const note =
    `The mail server refused to carry ${plural(refused.length, 'failure')} (it answered "${reply.said}"): a value ` +
    'in them, such as a user name a supplicant chose, matched its content, spam or DLP filter. They are listed ' +
    `here with those values withheld, as "withheld #N"; the values are kept on the device in ${file}. Read them ` +
    'there; do not forward them by mail.';
  const copies = refused.map((r, i) => withheldCopy(r, refs[i]!));
  accepted.push(await sendFitted(cfg, deadline, s.compose(copies, note, accepted.length === 0)));
  save(refused, reply.said, deadline.now());
  const rejected = [...new Set(accepted.flatMap((a) => a.rejected))];
  const last = accepted[accepted.length - 1]!;
  return {
    messageId: last.messageId,
    rejected,
    withheld: refused.length,
    parts: accepted.length,
    file,
    code: reply.code,
  };
}

const halves = <T>(list: T[]): T[][] => {
  const mid = Math.ceil(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
};

/** The server's reply, one clean line: it is hostile input like any other. */
function serverReply(err: AppError): { said: string; code?: number } {
  const cause = err.cause as { response?: unknown; responseCode?: unknown } | undefined;
  const code = typeof cause?.responseCode === 'number' ? cause.responseCode : undefined;
  return { said: clean(cause?.response ?? '', 160) || 'no text', code };
}

/** `1 failure withheld: the mail server refused its values (554); they are kept in ...`, for the summary. */
export function withheldText(sent: SplitSent): string | undefined {
  if (sent.withheld === 0) return undefined;
  const its = sent.withheld === 1 ? 'its' : 'their';
  return (
    `${plural(sent.withheld, 'failure')} withheld: the mail server refused ${its} values (${sent.code ?? '5xx'}); ` +
    `mailed in ${plural(sent.parts, 'part')}, the values kept in ${sent.file}`
  );
}
