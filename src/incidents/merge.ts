import { hintFor } from '../render/hints';
import { SERVER_CERT, STORE_DOWN, SUPPLICANT_SILENT } from './codes';
import type { Incident } from './incident';
import type { Candidate } from './rules';

/**
 * One event, one incident: a NAS with the wrong shared secret trips nas-wide, new-reason and spike
 * at once, and an AD outage trips nas-wide on every busy NAS plus a lockout for every user. The
 * candidates are folded so the team gets one mail that says what and where.
 */

/** A NAS holding at least this share of a reason's failures is where the problem is. */
const CONCENTRATED = 0.7;

const candidateId = (c: Candidate): string => {
  if (c.scope === 'nas') return `nas:${c.nas}:${c.code}`;
  if (c.scope === 'reason') return `reason:${c.code}`;
  if (c.scope === 'subject') return `subject:${c.subject}`;
  if (c.scope === 'source') return `source:${c.endpoint ?? `${c.nas} ${c.port}`}`;
  if (c.scope === 'store') return 'store:ad';
  if (c.scope === 'admin') return c.nas !== undefined ? `admin:nas:${c.nas}` : `admin:user:${c.subject}`;
  return `all:${c.rule}`;
};

export { candidateId };

function nasShare(c: Candidate, nas: string | undefined): number {
  if (!c.tally || nas === undefined || c.tally.weight === 0) return 0;
  return (c.tally.nas.get(nas) ?? 0) / c.tally.weight;
}

/** The open incident (or new candidate) this candidate is part of, if any. */
export function coveredBy<T extends Pick<Incident, 'id' | 'scope' | 'nas' | 'code' | 'rule' | 'reason' | 'codes'>>(
  c: Candidate,
  open: readonly T[],
): T | undefined {
  const id = candidateId(c);
  const same = open.find((i) => i.id === id);
  if (same) return same;
  const cause = open.find((i) => causes(i, c));
  if (cause) return cause;
  // A NAS or a reason with the likely cause of an open network-wide incident is part of it.
  const likely = c.scope === 'nas' ? causeOf({ ...c, scope: 'reason' }) : causeOf(c);
  if (likely !== undefined) {
    const same = open.find((i) => i.scope === 'reason' && causeOf(i) === likely);
    if (same) return same;
  }
  switch (c.scope) {
    case 'nas':
      return open.find((i) => i.scope === 'reason' && i.code === c.code);
    case 'reason':
      return open.find((i) => i.scope === 'nas' && i.code === c.code && nasShare(c, i.nas) >= CONCENTRATED);
    case 'subject':
      return open.find(
        (i) =>
          (i.scope === 'reason' && i.code === c.code) || (i.scope === 'nas' && i.code === c.code && i.nas === c.nas),
      );
    default:
      return undefined;
  }
}

/**
 * An incident that names a cause takes in what the counting rules see of the same event: the AD
 * outage every 24495 on any NAS; a guessing endpoint the same reason on its NAS (nas-wide, and the
 * lockouts of the names it tried). `share`: for a network-wide candidate in the same poll, the
 * part of it the cause holds (in later polls spike counts only failures no incident holds).
 */
function causes(i: Pick<Incident, 'scope' | 'nas' | 'code' | 'codes'>, c: Candidate, share = 0): boolean {
  if (c.scope === 'store' || c.scope === 'source' || c.scope === 'admin' || c.scope === 'all') return false;
  if (i.scope === 'reason' && (c.scope === 'reason' || c.scope === 'nas') && SUPPLICANT_SILENT.has(c.code ?? ''))
    return (i.codes ?? [i.code ?? '']).some((code) => SERVER_CERT.has(code));
  if (i.scope === 'store') return c.code !== undefined && STORE_DOWN.has(c.code);
  if (i.scope !== 'source' || c.code !== i.code) return false;
  return c.scope === 'reason' ? share >= 0.5 : c.nas === i.nas;
}

/** Folds this run's new candidates: per reason, one NAS or one network-wide incident; lockouts inside them dropped. */
export function fold(all: Candidate[]): Candidate[] {
  const named = all.filter((c) => c.scope === 'store' || c.scope === 'source' || c.scope === 'admin');
  const candidates = all.filter(
    (c) => !named.some((n) => causes(n, c, (n.tally?.weight ?? 0) / Math.max(1, c.tally?.weight ?? 0))),
  );
  const kept: Candidate[] = [...named];
  const codes = new Set(candidates.filter((c) => c.scope === 'nas' || c.scope === 'reason').map((c) => c.code));
  for (const code of codes) {
    const nas = candidates.filter((c) => c.scope === 'nas' && c.code === code);
    const wide = candidates.filter((c) => c.scope === 'reason' && c.code === code);
    if (wide.length === 0) {
      kept.push(...nas);
    } else if (nas.length === 1 && nasShare(wide[0]!, nas[0]!.nas) >= CONCENTRATED) {
      kept.push(withEvidence(nas[0]!, wide));
    } else {
      // new-reason names it best ("not seen for 7 days"); spike adds how far above normal it is.
      const [first, ...rest] = [...wide].sort((a, b) =>
        a.rule === 'new-reason' ? -1 : b.rule === 'new-reason' ? 1 : 0,
      );
      kept.push(withEvidence(first!, rest, nasLine(first!)));
    }
  }
  return [...byCause(kept), ...lockouts(candidates, kept)];
}

/**
 * Network-wide findings whose reasons have the same likely cause (12321 and 12520: clients refuse
 * the ISE EAP certificate, PEAP and EAP-TLS) are one incident holding all their codes.
 */
function byCause(kept: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of kept) {
    // Supplicants going silent in the poll where clients refuse ISE's certificate: its evidence.
    const host = c.scope === 'reason' ? out.find((o) => causes(o, c)) : undefined;
    if (host) {
      out[out.indexOf(host)] = withEvidence(host, [c]);
      continue;
    }
    const cause = causeOf(c);
    const same = cause === undefined ? undefined : out.find((o) => causeOf(o) === cause);
    if (!same) {
      out.push(c);
      continue;
    }
    const [big, small] = (same.tally?.weight ?? 0) >= (c.tally?.weight ?? 0) ? [same, c] : [c, same];
    const merged = withEvidence(big, [small]);
    merged.codes = [...new Set([...(big.codes ?? [big.code!]), ...(small.codes ?? [small.code!])])];
    out[out.indexOf(same)] = merged;
  }
  return out;
}

/** The likely cause of a network-wide finding, from the hint catalog (`ISE EAP certificate?`). */
export const causeOf = (c: { scope: string; reason?: string; tally?: { reason: string } | undefined }) =>
  c.scope === 'reason' ? hintFor(c.reason ?? c.tally?.reason ?? '')?.cause : undefined;

function lockouts(candidates: Candidate[], kept: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.scope === 'all') out.push(c);
    if (
      c.scope === 'subject' &&
      !coveredBy(
        c,
        kept.map((k) => ({ ...k, id: candidateId(k) })),
      )
    )
      out.push(c);
  }
  return out;
}

function withEvidence(c: Candidate, others: Candidate[], extra?: string): Candidate {
  const lines = [...c.evidence, ...others.flatMap((o) => o.evidence)];
  return { ...c, evidence: extra ? [...lines, extra] : lines };
}

function nasLine(c: Candidate): string | undefined {
  if (!c.tally || c.tally.nas.size < 2) return undefined;
  const top = [...c.tally.nas].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  const more = c.tally.nas.size - top.length;
  return (
    `Most affected NAS: ` +
    `${top.map(([n, w]) => `${n || '?'} (${w})`).join(', ')}${more > 0 ? `, and ${more} more` : ''}.`
  );
}
