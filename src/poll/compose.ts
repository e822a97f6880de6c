import { attachmentFilename } from '../attachment/attachment';
import type { Config } from '../config/config';
import type { Io } from '../core/outcome';
import { foldRecovery, healthContext, type Recovery } from '../health/health-mail';
import type { Verdict } from '../incidents/engine';
import { incidentLead, incidentSubject } from '../incidents/mail';
import { composeMail } from '../mail/message';
import type { OutgoingMail } from '../mail/transport';
import type { FailureRecord } from '../pxgrid/schemas';
import type { RenderOptions } from '../render/model';
import { type Lead, mutedStormSubject, noteLead, stormLead, stormSubject } from '../render/storm';
import { clockFor, timeFormat } from '../render/time';
import { Rollup, type RollupOptions } from '../rollup/rollup';
import type { StormGroups } from '../rollup/storm-groups';
import { type Compose, initialAttachmentBudget } from '../sizecap/fit';
import type { Splittable } from '../withhold/split';

export interface MailParts {
  /** Notes on top of the body (timestamps in the future, ids not tracked). */
  notes?: string[];
  /**
   * A poll's storm groups (its failures in the body): above STORM_THRESHOLD failures in the poll,
   * `muted` included, the mail is a storm mail and leads with them.
   */
  groups?: StormGroups;
  /** The poll's failures the mutes kept out of the body: a storm is never muted, so they count. */
  muted?: number;
  /** More sections on top (the digest's period line). */
  leads?: Lead[];
  subjectPrefix?: string;
  /** Records the digest spool counted but could not keep for the attachment (its budget). */
  unkept?: number;
  /** What the incident rules have to say: an opened incident leads the mail and gives its subject. */
  incidents?: Pick<Verdict, 'opened' | 'ongoing' | 'resolved'>;
  /** The active mutes, named in the footer. */
  mutes?: readonly string[];
  /** How the mail shows itself: BACKFILL, a digest's label and period, the chart. */
  show?: Pick<RenderOptions, 'backfill' | 'label' | 'period' | 'chart'>;
  /** --dry-run: the body as the real mail would have it (it names the attachment not built). */
  preview?: boolean;
  /** The health watcher's RECOVERED note, on top of the whole mail. */
  recovery?: Recovery;
}

/**
 * The mail of a digest for a given attachment budget: `notes`, the size-cap note, the digest's
 * own leads and the storm lead first (the last on top), then the digest.
 */
export function composer(cfg: Config, d: Rollup, now: number, parts: MailParts = {}): Compose {
  return (budget, limit) => {
    const attachment = d.attachment();
    attachment?.trimTo(budget);
    const muted = parts.muted ?? 0;
    const polled = parts.groups ? parts.groups.total + muted : 0;
    // The one place a mail becomes a storm mail: its lead and its subject's STORM:, once.
    const storm = polled > cfg.stormThreshold;
    const leads: Lead[] = (parts.notes ?? []).map(noteLead);
    if (attachment && attachment.omitted > 0)
      leads.push(noteLead(attachmentNote(attachment, limit, parts.unkept ?? 0)));
    leads.push(...(parts.leads ?? []));
    const zone = cfg.mail.timezone;
    const period = parts.show?.period;
    const clock = clockFor(zone, period?.from ?? d.oldest, period?.to ?? d.newest);
    if (storm) leads.push(stormLead(parts.groups!, muted, cfg.stormThreshold, clock));
    // The lead pushed last is on top: incidents first, with the incident's subject.
    const incident =
      parts.incidents &&
      incidentLead(parts.incidents, clock, {
        adminUrl: cfg.mail.adminUrl,
        quietMs: cfg.incidents.quietMs,
      });
    if (incident) leads.push(incident);
    const fmt = timeFormat(zone);
    const prefix = parts.subjectPrefix ?? cfg.mail.subjectPrefix;
    const subject =
      (parts.incidents && incidentSubject(cfg.mail.subjectPrefix, parts.incidents.opened, fmt)) ??
      (storm && d.total === 0 ? mutedStormSubject(prefix, polled) : undefined);
    const show = incident?.top ? { chart: true, ...parts.show } : parts.show;
    const mail = composeMail(cfg, d, {
      now,
      leads,
      subject,
      subjectPrefix: storm ? stormSubject(prefix) : prefix,
      show,
      preview: parts.preview,
      mutes: parts.mutes,
    });
    if (!parts.recovery) return mail;
    return foldRecovery(mail, parts.recovery, d.total, healthContext(cfg), parts.show?.period ? 'digest' : 'mail');
  };
}

/**
 * How a refused mail is split (src/withhold): each part is the same mail (`parts`) of some of its
 * records, counted anew; `records`: all of them, undefined when there were too many to keep.
 */
export function splitting(
  cfg: Config,
  records: () => FailureRecord[] | undefined,
  digest: Pick<RollupOptions, 'mute' | 'attach'>,
  now: number,
  parts: MailParts & { reserveMs: number },
): Splittable {
  return {
    records,
    reserveMs: parts.reserveMs,
    compose: (some, note, first) => {
      const d = new Rollup({ ...digest, attachBudget: initialAttachmentBudget(cfg) });
      for (const r of some) d.add(r);
      // Storm groups belong to the whole batch: a part leads with its note instead.
      const notes = [...(parts.notes ?? []), note];
      // The incident, like the health watcher's RECOVERED note, goes with one part.
      return composer(cfg, d, now, {
        ...parts,
        groups: undefined,
        notes,
        incidents: first ? parts.incidents : undefined,
        recovery: first ? parts.recovery : undefined,
      });
    },
  };
}

function attachmentNote(a: { rows: number; omitted: number }, limit: number, unkept: number): string {
  const all = a.rows + a.omitted;
  if (a.rows === 0)
    return (
      `No attachment: the mail size limit of ${limit} bytes left no room for it. All counts in this mail ` +
      `are exact.`
    );
  if (unkept === 0)
    return (
      `The attachment holds the first ${a.rows} of ${all} failures: ${a.omitted} row(s) were left out to ` +
      `keep the mail within ${limit} bytes. All counts in this mail are exact.`
    );
  const cut = a.omitted - unkept;
  const why = [`${unkept} beyond what the digest spool keeps (what one mail can attach)`];
  if (cut > 0) why.push(`${cut} to keep the mail within ${limit} bytes`);
  const held = `The attachment holds the first ${a.rows} of ${all} failures`;
  return `${held}; left out: ${why.join(', ')}. All counts in this mail are exact.`;
}

/** --dry-run: the headers that matter and the text part, as the recipients would read them. */
export function printMessage(io: Io, cfg: Config, mail: OutgoingMail): void {
  io.out(`From: ${cfg.mail.from}`);
  io.out(`To: ${cfg.mail.dest.join(', ')}`);
  io.out(`Subject: ${mail.subject}`);
  io.out('');
  for (const line of mail.text.replace(/\n$/, '').split('\n')) io.out(line);
  io.out('');
  if (cfg.mail.attach !== 'none')
    io.out(
      `(The real mail also attaches ${attachmentFilename(cfg.mail.attach)} with every failure; --dry-run does ` +
        `not build it.)`,
    );
}
