import { plural } from '../core/plural';
import { hintFor } from '../format/hints';
import { clean, escapeHtml } from '../format/sanitize';
import type { Lead } from '../format/storm';
import type { TimeFormat } from '../format/time';
import type { Verdict } from './engine';
import type { Incident, Resolved } from './incident';

/**
 * How incidents read in a mail: an opened incident gives the mail its subject and leads the body
 * with the evidence, the hint and who is affected; ongoing and resolved ones are one line each.
 */

/** `10:02` (the local wall-clock minute) from a full `2026-11-23 10:02:13 +01:00`. */
const hhmm = (fmt: TimeFormat, t: number) => fmt(t).slice(11, 16);

/** `10:02-10:41`, or with dates when it spans midnight. */
function span(fmt: TimeFormat, a: number, b: number): string {
  const [x, y] = [fmt(a), fmt(b)];
  return x.slice(0, 10) === y.slice(0, 10)
    ? `${x.slice(11, 16)}-${y.slice(11, 16)}`
    : `${x.slice(0, 16)}-${y.slice(0, 16)}`;
}

/** `[ISE] INCIDENT sw-access-b2: 12 users failing 11036 (RADIUS shared secret?) since 10:02`. */
export function incidentSubject(prefix: string, opened: readonly Incident[], fmt: TimeFormat): string | undefined {
  const first = opened[0];
  if (!first) return undefined;
  const more = opened.length > 1 ? ` (+${opened.length - 1} more)` : '';
  return clean(`${prefix} INCIDENT ${first.title} since ${hhmm(fmt, first.since)}${more}`, 160);
}

export const resolvedLine = (r: Resolved, fmt: TimeFormat) =>
  `RESOLVED ${r.title}: resolved, ${span(fmt, r.since, r.last)}, ` +
  `${plural(r.failures, 'failure')}${r.unmailed ? ' (it closed before its own mail could go out)' : ''}`;

export const ongoingLine = (o: Verdict['ongoing'][number], fmt: TimeFormat) =>
  `ONGOING ${o.incident.title} (since ${hhmm(fmt, o.incident.since)}): ${plural(o.failures, 'more failure')} ` +
  `since the last mail, ${o.incident.failures} in all`;

/** The lines of one opened incident: headline, evidence, hint, affected, then how it goes on. */
export function openedLines(i: Incident, fmt: TimeFormat): string[] {
  const hint = i.hint ?? (i.reason ? hintFor(i.reason)?.hint : undefined);
  const lines = [
    `INCIDENT ${i.title}`,
    `Since ${fmt(i.since)}, ${plural(i.failures, 'failure')} so far (rule ${i.rule}).`,
    ...i.evidence.map((e) => `Evidence: ${e}`),
  ];
  if (hint) lines.push(`Hint: ${hint}`);
  if (i.users.length) lines.push(`Users (${i.usersCount}): ${i.users.join(', ')}${more(i.users, i.usersCount)}`);
  if (i.endpoints.length)
    lines.push(`Endpoints (${i.endpointsCount}): ${i.endpoints.join(', ')}${more(i.endpoints, i.endpointsCount)}`);
  return lines.map((l) => clean(l, 1000));
}

const more = (shown: string[], count: string) => (String(shown.length) === count ? '' : ', ...');

const FOOT =
  'An incident is mailed once. Later failures that belong to it are marked ONGOING in the regular mails; after ' +
  'INCIDENT_QUIET without one, the next mail says it is RESOLVED.';

/** The section an incident mail starts with; undefined when the verdict has nothing to say. */
export function incidentLead(v: Pick<Verdict, 'opened' | 'ongoing' | 'resolved'>, fmt: TimeFormat): Lead | undefined {
  const opened = v.opened.map((i) => openedLines(i, fmt));
  const others = [...v.ongoing.map((o) => ongoingLine(o, fmt)), ...v.resolved.map((r) => resolvedLine(r, fmt))].map(
    (l) => clean(l, 1000),
  );
  if (opened.length === 0 && others.length === 0) return undefined;
  const text = [
    ...opened.flatMap((ls) => [...ls, '']),
    ...others,
    ...(others.length ? [''] : []),
    ...(opened.length ? [FOOT, ''] : []),
  ];
  const red = 'style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;color:#b00020;margin:12px 0 4px"';
  const p = 'style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:13px;margin:2px 0"';
  const html = [
    ...opened.flatMap(([head, ...rest]) => [
      `<p ${red}><b>${escapeHtml(head ?? '')}</b></p>`,
      ...rest.map((l) => `<p ${p}>${escapeHtml(l)}</p>`),
    ]),
    ...others.map((l) => `<p ${p}><b>${escapeHtml(l)}</b></p>`),
    ...(opened.length ? [`<p ${p}><i>${escapeHtml(FOOT)}</i></p>`] : []),
    '<hr>',
  ].join('\n');
  return { text, html };
}
