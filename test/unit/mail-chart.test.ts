// The chart's data: a bounded timeline per slot and reason, bars over a period, the sparkline.
import { describe, expect, it } from 'vitest';
import { barsOf, sparkline } from '../../src/render/chart';
import { render } from '../../src/render/render';
import { clockFor } from '../../src/render/time';
import { Rollup } from '../../src/rollup/rollup';
import { countAt, emptyTimeline, STEPS } from '../../src/rollup/timeline';
import { digestFromJson, digestToJson } from '../../src/spool/digest-json';
import { makeFailure } from '../fake/records';
import { KINDS } from '../helpers/mail-kinds';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;

describe('timeline', () => {
  it('stays bounded: a month of failures every few seconds over 40 reasons merges slots, counts stay exact', () => {
    const tl = emptyTimeline();
    const n = 200_000;
    for (let i = 0; i < n; i++) countAt(tl, T0 + ((i * 7919) % (30 * 1440)) * MIN, `reason-${i % 40}`);
    const total = [...tl.slots.values()].reduce((a, c) => a + [...c.values()].reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(n);
    expect(tl.cells).toBeLessThanOrEqual(3_000);
    expect(tl.reasons.size).toBeLessThanOrEqual(24);
    expect(STEPS).toContain(tl.stepMs);
    expect(tl.stepMs).toBeGreaterThan(STEPS[0]!);
  });

  it('bars cover the period, the top reasons apart and the rest together; a failure at the end counts', () => {
    const tl = emptyTimeline();
    for (let m = 0; m < 60; m++) countAt(tl, T0 + m * MIN, m % 3 ? 'a' : 'b');
    countAt(tl, T0 + 60 * MIN, 'c');
    const b = barsOf(tl, T0, T0 + 60 * MIN, ['a', 'b'])!;
    expect(b.stepMs).toBe(5 * MIN);
    expect(b.bars).toHaveLength(12);
    expect(b.bars.flat().reduce((x, y) => x + y, 0)).toBe(61);
    expect(b.bars.at(-1)).toEqual([4, 1, 1]);
    const [head, line] = sparkline(b, clockFor('UTC', T0, T0 + 60 * MIN));
    expect(head).toBe('Failures per 5 min, 09:00 to 10:00 (peak 6 at 09:55):');
    expect(line).toMatch(/^ {2}[▁▂▃▄▅▆▇█]{12}$/);
  });

  it('survives the digest spool (spool.json) and a spool written before the chart existed', () => {
    const d = new Rollup();
    for (let i = 0; i < 5; i++) d.add(makeFailure({ timestamp: new Date(T0 + i * MIN).toISOString() }, i));
    const json = digestToJson(d.state);
    expect(digestFromJson(JSON.parse(JSON.stringify(json))).timeline.slots).toEqual(d.state.timeline.slots);
    const { timeline: _, ...old } = json;
    expect(digestFromJson(old as typeof json).timeline.slots.size).toBe(0);
  });
});

describe('hostile values in the mail', () => {
  it('are escaped, their bidi controls dropped, and wrapped or broken instead of overflowing', () => {
    const { subject, text, html } = KINDS.hostile!();
    expect(`${subject}${text}${html}`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe('times from a broken clock', () => {
  it('render without throwing and stay out of the chart', () => {
    const d = new Rollup();
    const times = ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '1970-01-01T00:00:00Z'];
    for (const [i, timestamp] of [...times, '2026-11-23T10:00:00Z'].entries()) d.add(makeFailure({ timestamp }, i));
    const mail = render(d, { subjectPrefix: '[ISE]', maxRows: 50, timeZone: 'Europe/Zurich', chart: true });
    // Times outside 2000-2100 cannot be placed: they are never the mail's period.
    expect(mail.text).not.toContain('275760');
    expect(mail.text).toMatch(/^Failures per minute, 11:00 to 11:01 \(peak 1 at 11:00\):$/m);
  });
});
