import { escapeHtml } from '../core/sanitize';
import type { FailureView } from '../rollup/view';
import { shortLocation } from './model';
import type { RenderedMail } from './render';
import type { TimeFormat } from './time';

/**
 * Storm mode: above STORM_THRESHOLD records in one poll, what the team needs first is
 * the shape of the outage (which reason, on which NAS or site), not individual users. The mail
 * then leads with these groups. Kept apart from render.ts so the two evolve independently:
 * `leadWith` prepends a section to whatever render produced.
 */
export interface StormGroup {
  reason: string;
  nas: string;
  location: string;
  count: number;
  first: number | undefined;
  last: number | undefined;
}

/** Distinct groups kept; further ones are only counted (bounded memory in a storm). */
const MAX_GROUPS = 2_000;
const SHOWN = 40;

export class StormGroups {
  /** Groups by reason, then NAS label, then location: lookups on values seen before, no key built per record. */
  readonly #tree = new Map<string, Map<string, Map<string, StormGroup>>>();
  readonly #groups: StormGroup[] = [];
  /** NAS labels by name and IP, made once per NAS. */
  readonly #labels = new Map<string, Map<string, string>>();
  #labelCount = 0;
  /** Records whose group was not kept because of MAX_GROUPS. */
  ungrouped = 0;

  add(v: FailureView): void {
    const nas = this.#label(v.nasName, v.nasIp);
    let g = this.#tree.get(v.reason)?.get(nas)?.get(v.location);
    if (!g) {
      if (this.#groups.length >= MAX_GROUPS) {
        this.ungrouped++;
        return;
      }
      g = { reason: v.reason, nas, location: v.location, count: 0, first: v.time, last: v.time };
      child(child(this.#tree, v.reason), nas).set(v.location, g);
      this.#groups.push(g);
    }
    g.count++;
    if (v.time !== undefined) {
      if (g.first === undefined || v.time < g.first) g.first = v.time;
      if (g.last === undefined || v.time > g.last) g.last = v.time;
    }
  }

  #label(name: string, ip: string): string {
    const known = this.#labels.get(name)?.get(ip);
    if (known !== undefined) return known;
    const label = ip && name !== ip ? `${name || '?'} (${ip})` : name;
    // Bounded like the groups: a storm of random NAS values must not grow this without limit.
    if (this.#labelCount < MAX_GROUPS) {
      child(this.#labels, name).set(ip, label);
      this.#labelCount++;
    }
    return label;
  }

  /** Largest first. */
  list(): StormGroup[] {
    // Code-unit order, as the digest sorts: the same mail on every runtime and locale.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return [...this.#groups].sort(
      (a, b) => b.count - a.count || cmp(a.reason, b.reason) || cmp(a.nas, b.nas) || cmp(a.location, b.location),
    );
  }
}

export interface Lead {
  text: string[];
  html: string;
}

export function stormSubject(prefix: string): string {
  return `${prefix} STORM:`;
}

/** The section a storm mail leads with: every group's count, largest first. */
export function stormLead(groups: StormGroups, total: number, threshold: number, fmtTime: TimeFormat): Lead {
  const all = groups.list();
  const shown = all.slice(0, SHOWN);
  const hidden = all.slice(SHOWN).reduce((n, g) => n + g.count, 0) + groups.ungrouped;
  const intro =
    `STORM: ${total} RADIUS failures in one poll (more than ${threshold}). By reason and ` +
    `NAS/location, largest first:`;
  const rows = shown.map((g) => [
    String(g.count),
    g.reason || '-',
    g.nas || '-',
    shortLocation(g.location) || '-',
    `${fmtTime(g.first)} .. ${fmtTime(g.last)}`,
  ]);
  const rest =
    hidden > 0
      ? `... and ${hidden} more failure(s) in ${all.length - shown.length} smaller ` +
        `group(s)${groups.ungrouped ? ' or ungrouped' : ''}`
      : '';
  const text = [
    intro,
    ...rows.map((r) => `  ${r[0]} x ${r[1]} | NAS ${r[2]} | ${r[3]} | ${r[4]}`),
    ...(rest ? [`  ${rest}`] : []),
    '',
  ];
  const cell = 'style="border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top"';
  const tr = (cells: string[], tag = 'td') =>
    `<tr>${cells.map((c) => `<${tag} ${cell}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  const html = [
    `<p style="font-size:15px;color:#b00020"><b>${escapeHtml(intro)}</b></p>`,
    '<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:13px">',
    tr(['Count', 'Reason', 'NAS', 'Location', 'First .. last seen'], 'th'),
    ...rows.map((r) => tr(r)),
    '</table>',
    rest ? `<p>${escapeHtml(rest)}</p>` : '',
  ].join('\n');
  return { text, html };
}

/** A one-paragraph lead, e.g. the note that attachment rows were left out. */
export function noteLead(note: string): Lead {
  return { text: [note, ''], html: `<p><b>${escapeHtml(note)}</b></p>` };
}

/** `mail` with `lead` first in both parts (after the HTML body tag). */
export function leadWith(mail: RenderedMail, lead: Lead): RenderedMail {
  const html = /<body[^>]*>/i.test(mail.html)
    ? mail.html.replace(/<body[^>]*>/i, (tag) => `${tag}\n${lead.html}`)
    : `${lead.html}\n${mail.html}`;
  return { ...mail, text: `${lead.text.join('\n')}\n${mail.text}`, html };
}

/** The map under `key`, made on first use. */
function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (!m) {
    m = new Map();
    map.set(key, m);
  }
  return m;
}
