import type { StormGroup, StormGroups } from '../rollup/storm-groups';
import { esc, FONT, note, rows, sub } from './layout';
import { type Lead, noteLead } from './lead';
import { shortLocation } from './model';
import type { Clock } from './time';
import { wrap } from './wrap';

/** Groups shown in the lead; the rest are summed in one line. */
const SHOWN = 40;

export type { Lead } from './lead';
export { noteLead } from './lead';

export function stormSubject(prefix: string): string {
  return `${prefix} STORM:`;
}

/** The subject of a storm mail with nothing in its body: the mutes kept all of the poll's failures out. */
export function mutedStormSubject(prefix: string, total: number): string {
  return `${stormSubject(prefix)} ${total} RADIUS failures in one poll, all muted`;
}

/**
 * The section a storm mail leads with: every group's count, largest first. `muted`: the poll's
 * failures the mutes kept out of the body (and so out of the groups); a storm counts them.
 */
export function stormLead(groups: StormGroups, muted: number, threshold: number, clock: Clock): Lead {
  const total = groups.total + muted;
  const more = `STORM: ${total} RADIUS failures in one poll (more than ${threshold})`;
  if (muted > 0 && groups.total === 0)
    return noteLead(
      `${more}, ${muted} of them muted. A storm is mailed at once whatever the mutes; the muted failures are ` +
        'counted below by mute and attached.',
    );
  const all = groups.list();
  const shown = all.slice(0, SHOWN);
  const hidden = all.slice(SHOWN).reduce((n, g) => n + g.count, 0) + groups.ungrouped;
  const intro =
    muted === 0
      ? `${more}. By reason and NAS/location, largest first:`
      : `${more}, ${muted} of them muted: counted below by mute and attached (a storm is mailed at once whatever ` +
        `the mutes). The other ${groups.total} by reason and NAS/location, largest first:`;
  const where = (g: StormGroup) =>
    [`NAS ${g.nas || '-'}`, shortLocation(g.location), clock.span(g.first, g.last)].filter(Boolean).join(', ');
  const rest =
    hidden > 0
      ? `... and ${hidden} more failure(s) in ${all.length - shown.length} smaller ` +
        `group(s)${groups.ungrouped ? ' or ungrouped' : ''}`
      : '';
  const text = [
    ...wrap(intro),
    ...shown.flatMap((g) => [
      ...wrap(g.reason || '-', '         ', `  ${String(g.count).padStart(5)}  `),
      ...wrap(where(g), '         '),
    ]),
    ...(rest ? [`  ${rest}`] : []),
    '',
  ];
  const html = [
    `<p style="${FONT};font-size:14px;color:#b42318;margin:12px 0 6px"><b>${esc(intro)}</b></p>`,
    rows(shown.map((g) => ({ left: `<b>${g.count}</b>`, right: `<b>${esc(g.reason || '-')}</b>${sub(where(g))}` }))),
    rest ? note(rest) : '',
  ].join('\n');
  return { text, html };
}
