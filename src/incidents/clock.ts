/** Local hour of the week (0 = Monday 00:00-01:00) and of the day, in an IANA time zone. */
export interface LocalHour {
  week: number;
  day: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formats = new Map<string, Intl.DateTimeFormat>();

export function localHour(t: number, timeZone: string): LocalHour {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    formats.set(timeZone, f);
  }
  let weekday = 0;
  let hour = 0;
  for (const p of f.formatToParts(t)) {
    if (p.type === 'weekday') weekday = Math.max(0, WEEKDAYS.indexOf(p.value));
    if (p.type === 'hour') hour = Number(p.value) % 24;
  }
  return { week: weekday * 24 + hour, day: hour };
}
