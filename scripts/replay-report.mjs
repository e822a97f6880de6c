// The report of `npm run replay` (scripts/replay.mjs): mails per day, each injected incident's
// detection delay, incident mails that match no injection, and whether every failure reached
// exactly one mail.

const MIN = 60_000;
const DAY = 86_400_000;

const day = (t) => new Date(t).toUTCString().slice(0, 3);
export const clock = (t) => `${day(t)} ${new Date(t).toISOString().slice(11, 16)}`;

/** `env`: the variables of the mode, shown in its heading. */
export function report(wk, mode, env, days, res) {
  const vars = Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const head =
    mode === 'engine-only'
      ? `Incident engine in-process, no mail (${days * 144} runs):`
      : `Mode ${mode} (${vars}): ${res.mails.length} mails from ${days * 144} runs in ${res.seconds.toFixed(0)} s ` +
        `(${res.perRunMs.toFixed(0)} ms per run of run.js; fakes and checks ${res.harnessCpuS.toFixed(0)} s CPU)`;
  const lines = [head];
  const perDayText = (n) => (n / days).toFixed(1);
  const incidentMails = res.mails.filter((m) => / INCIDENT /.test(m.subject));
  const perDay = new Array(days).fill(0);
  // A mail sent by the run at midnight closes the day before.
  for (const m of res.mails) if (!incidentMails.includes(m)) perDay[Math.floor((m.at - wk.start - 1) / DAY)]++;
  if (mode !== 'engine-only')
    lines.push(
      `  mails per day: ${perDayText(res.mails.length)}: incident mails ${perDayText(incidentMails.length)}, ` +
        `others ${perDayText(res.mails.length - incidentMails.length)} (at most ${Math.max(...perDay)} in one day)`,
    );
  lines.push('  injected incident                                onset       mailed      delay');
  for (const x of wk.injected.filter((i) => i.onset < wk.start + days * DAY)) {
    const hit = res.opened.find((o) => x.matches(o.incident, o.at));
    const delay = hit ? `${Math.round((hit.at - x.onset) / MIN)} min` : 'NOT MAILED';
    lines.push(
      `  ${x.name.padEnd(48)} ${clock(x.onset)}   ${hit ? clock(hit.at) : '-'.padEnd(9)}   ${delay}` +
        (hit ? `  (${hit.incident.title}; held ${hit.incident.failures} failures)` : ''),
    );
  }
  const stray = res.opened.filter((o) => !wk.injected.some((x) => x.matches(o.incident, o.at)));
  const strayMails = new Set(stray.map((o) => o.at)).size;
  const matched = res.opened.length - stray.length;
  lines.push(`  incidents opened in ${days} days: ${res.opened.length}, ${matched} about an injected one`);
  lines.push(
    `  incident mails matching no injected incident: ${strayMails}` +
      stray.map((o) => `\n    ${clock(o.at)} ${o.incident.rule}: ${o.incident.title}`).join(''),
  );
  const count = new Map();
  for (const m of res.mails) for (const id of m.ids) count.set(id, (count.get(id) ?? 0) + 1);
  const lost = res.served.filter((r) => !count.has(r.id)).length;
  const dup = [...count.values()].filter((n) => n > 1).length;
  if (mode !== 'engine-only')
    lines.push(
      `  delivery: ${res.served.length} failures served, ${count.size} mailed, lost ${lost}, duplicated ${dup}`,
    );
  if (res.errors.length)
    lines.push(`  runs that did not exit 0: ${res.errors.length}\n    ${res.errors.slice(0, 5).join('\n    ')}`);
  return lines.join('\n');
}
