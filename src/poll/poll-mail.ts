import type { Config } from '../config/config';
import { type Lead, noteLead, stormLead, stormSubject } from '../format/storm';
import { timeFormat } from '../format/time';
import { composeMail } from '../mail/message';
import type { Compose } from '../sizecap/fit';
import type { Batch } from './batch';

/** The poll's mail for a given attachment budget: size-cap note and storm lead first, then the digest. */
export function composer(cfg: Config, batch: Batch, now: number): Compose {
  return (budget, limit) => {
    const d = batch.digest;
    const attachment = d.attachment();
    attachment?.trimTo(budget);
    const storm = d.total > cfg.stormThreshold;
    const leads: Lead[] = [];
    if (attachment && attachment.omitted > 0) {
      const all = attachment.rows + attachment.omitted;
      leads.push(
        noteLead(
          attachment.rows > 0
            ? `The attachment holds the first ${attachment.rows} of ${all} failures: ${attachment.omitted} row(s) were left out to keep the mail within ${limit} bytes. All counts in this mail are exact.`
            : `No attachment: the mail size limit of ${limit} bytes left no room for it. All counts in this mail are exact.`,
        ),
      );
    }
    if (storm) leads.push(stormLead(batch.groups, d.total, cfg.stormThreshold, timeFormat(cfg.mail.timezone)));
    return composeMail(cfg, d, { now, leads, subjectPrefix: storm ? stormSubject(cfg.mail.subjectPrefix) : undefined });
  };
}
