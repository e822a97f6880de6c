import { plural } from '../core/plural';
import { clean } from '../core/sanitize';
import { hintFor } from '../render/hints';
import { band, card, esc, note, para } from '../render/layout';
import type { Lead } from '../render/lead';
import { liveLogsFilter, lookLines, lookPara } from '../render/look';
import type { Clock, TimeFormat } from '../render/time';
import { wrap } from '../render/wrap';
import type { Verdict } from './engine';
import type { Incident, Resolved } from './incident';
import { mins } from './words';

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
  `RESOLVED ${r.title}, ${span(fmt, r.since, r.last)}, ` +
  `${plural(r.failures, 'failure')}${r.unmailed ? ' (it closed before its own mail could go out)' : ''}`;

export const ongoingLine = (o: Verdict['ongoing'][number], fmt: TimeFormat) =>
  `ONGOING ${o.incident.title} (since ${hhmm(fmt, o.incident.since)}): ${plural(o.failures, 'more failure')} ` +
  `since the last mail, ${o.incident.failures} in all`;

/** The lines of one opened incident: headline, evidence, hint, affected, then how it goes on. */
export function openedLines(i: Incident, clock: Clock): string[] {
  const hint = i.hint ?? (i.reason ? hintFor(i.reason)?.hint : undefined);
  const lines = [
    `INCIDENT ${i.title}`,
    `Since ${clock.short(i.since)}, ${plural(i.failures, 'failure')} so far (rule ${i.rule}).`,
    ...i.evidence.map((e) => `Evidence: ${e}`),
  ];
  if (hint) lines.push(`Hint: ${hint}`);
  if (i.users.length) lines.push(`Users (${i.usersCount}): ${i.users.join(', ')}${more(i.users, i.usersCount)}`);
  if (i.endpoints.length)
    lines.push(`Endpoints (${i.endpointsCount}): ${i.endpoints.join(', ')}${more(i.endpoints, i.endpointsCount)}`);
  return lines.map((l) => clean(l, 1000));
}

const more = (shown: string[], count: string) => (String(shown.length) === count ? '' : ', ...');

/** How incidents go on; `quietMs`: INCIDENT_QUIET, named so the operator knows what to change. */
const foot = (quietMs: number) =>
  'An incident is mailed once. Later failures that belong to it are marked ONGOING in the regular mails; after ' +
  `${mins(quietMs)} without one (INCIDENT_QUIET), the next mail says it is RESOLVED.`;

/** What to type into ISE's Live Logs to see this incident's failures: its NAS, else its user. */
const filterOf = (i: Incident): string => liveLogsFilter(i.nas, undefined) || liveLogsFilter(undefined, i.subject);

/** What the incident part of a mail needs from the settings. */
export interface IncidentMailSettings {
  /** ISE_ADMIN_URL, for the link to the admin portal. */
  adminUrl?: string;
  /** INCIDENT_QUIET. */
  quietMs: number;
}

/** One opened incident as a card: what and since when in the band, then evidence, fix, who, where. */
function incidentCard(i: Incident, lines: string[], adminUrl: string | undefined): string {
  const [, since, ...rest] = lines;
  const body = rest.map((l) => {
    const [label, text] = splitLabel(l);
    return para(`<b>${esc(label)}</b> ${esc(text)}`, label === 'Hint:' ? 'background:#fff8e6;padding:6px 8px' : '');
  });
  body.push(lookPara(adminUrl, filterOf(i)));
  return card(band('incident', 'Incident, act now', i.title, [since ?? '']), body);
}

/** `Evidence: x` -> [`Evidence:`, `x`]; `Users (6): a, b` -> [`Users (6):`, `a, b`]. */
function splitLabel(line: string): [string, string] {
  const m = /^([A-Z][a-z]+(?: \([^)]*\))?:) (.*)$/.exec(line);
  return m ? [m[1]!, m[2]!] : ['', line];
}

/** The text of one opened incident: its lines wrapped, then where to look in ISE. */
function openedText(i: Incident, lines: string[], adminUrl: string | undefined): string[] {
  return [...lines.flatMap((l) => wrap(l, '  ', '')), ...lookLines(adminUrl, filterOf(i)), ''];
}

/**
 * The section an incident mail starts with; undefined when the verdict has nothing to say. An
 * opened incident leads as a card of its own (top); ONGOING and RESOLVED lines alone open the
 * failures' card.
 */
export function incidentLead(
  v: Pick<Verdict, 'opened' | 'ongoing' | 'resolved'>,
  clock: Clock,
  { adminUrl, quietMs }: IncidentMailSettings,
): Lead | undefined {
  const opened = v.opened.map((i) => ({ i, lines: openedLines(i, clock) }));
  const others = [
    ...v.ongoing.map((o) => ongoingLine(o, clock.full)),
    ...v.resolved.map((r) => resolvedLine(r, clock.full)),
  ].map((l) => clean(l, 1000));
  if (opened.length === 0 && others.length === 0) return undefined;
  const text = [
    ...opened.flatMap(({ i, lines }) => openedText(i, lines, adminUrl)),
    ...others.flatMap((l) => wrap(l, '  ', '')),
    ...(others.length ? [''] : []),
    ...(opened.length ? [...wrap(foot(quietMs)), ''] : []),
  ];
  const status = others.map((l) => para(`<b>${esc(l)}</b>`)).join('\n');
  if (opened.length === 0) return { text, html: status };
  const cards = opened.map(({ i, lines }) => incidentCard(i, lines, adminUrl));
  const tail = [status, note(foot(quietMs))].filter(Boolean);
  const html = [...cards.slice(0, -1), addTo(cards.at(-1)!, tail)].join('\n');
  return { text, html, top: true, filters: opened.some(({ i }) => filterOf(i) !== '') };
}

/** `html` (a card) with `more` added at the end of its body. */
const addTo = (html: string, more: string[]) => html.replace(/<\/td><\/tr><\/table>$/, `${more.join('\n')}\n$&`);
