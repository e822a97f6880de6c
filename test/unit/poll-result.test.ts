// The one rendering of a poll (src/poll/result.ts): every kind of result gives the summary line and
// the --json fields the interface contract names, with WARN from notes and ERROR from a broken run.
import { describe, expect, test } from 'vitest';
import { type PollResult, pollOutcome } from '../../src/poll/result';

const base = { found: 0, mailed: 0, muted: 0, filtered: 0, pending: 0, notes: [], info: [] };
const at = Date.UTC(2026, 10, 23, 10, 0);

describe('pollOutcome', () => {
  test('nothing new: OK, no data', () => {
    expect(pollOutcome({ ...base, kind: 'none' })).toEqual({
      exitCode: 0,
      status: 'OK',
      message: 'no new failures',
      data: undefined,
    });
  });

  test('mailed by this run: counts, recipients, newest, the fields of --json in their order', () => {
    const r: PollResult = {
      ...base,
      kind: 'mailed',
      mailed: 3,
      muted: 2,
      filtered: 1,
      withheld: 0,
      attachmentRows: 6,
      to: 2,
      newest: at,
      incident: '; INCIDENT sw-1: 3 users',
    };
    const o = pollOutcome(r);
    expect(o.message).toBe(
      '3 new failures mailed to 2 recipients, 2 muted (attached), 1 filtered out ' +
        '(newest 2026-11-23T10:00:00.000Z); INCIDENT sw-1: 3 users',
    );
    expect(Object.keys(o.data!)).toEqual(['mailed', 'muted', 'filtered', 'withheld', 'attachmentRows']);
  });

  test('the digest: its own wording, no attachmentRows', () => {
    const r: PollResult = { ...base, kind: 'mailed', mailed: 49, to: 1, withheld: 0, digest: { fresh: 12 } };
    const o = pollOutcome(r);
    expect(o.message).toBe('digest of 49 failures mailed to 1 recipient; 12 new this run');
    expect(Object.keys(o.data!)).toEqual(['mailed', 'muted', 'filtered', 'withheld']);
  });

  test('waiting in the spool: when it goes, and dueAt in --json', () => {
    const r: PollResult = { ...base, kind: 'waiting', found: 12, pending: 49, muted: 3, spooled: 12, due: at };
    const o = pollOutcome(r);
    expect(o.message).toMatch(
      /^12 new failures spooled; 49 pending for the digest at 2026-11-23T10:00:00.000Z, 3 muted$/,
    );
    expect(o.data).toEqual({ mailed: 0, spooled: 12, pending: 49, muted: 3, dueAt: '2026-11-23T10:00:00.000Z' });
  });

  test('all muted or filtered out: what kept them out, and whether the cursor moved', () => {
    const r: PollResult = { ...base, kind: 'aside', found: 5, muted: 3, filtered: 2, committed: true };
    const o = pollOutcome({ ...r, filteredBy: ['2 matched EXCLUDE_NAS'] });
    expect(o.message).toBe(
      '5 new failures, all muted or filtered out (3 muted, 2 matched EXCLUDE_NAS): nothing mailed, cursor advanced',
    );
    expect(o.data).toEqual({ mailed: 0, muted: 3, filtered: 2 });
  });

  test('notes make it WARN, info follows without; a broken run is ERROR exit 2', () => {
    const r: PollResult = { ...base, kind: 'none', notes: ['a note'], info: ['an info'] };
    expect(pollOutcome(r)).toMatchObject({ status: 'WARN', message: 'no new failures; a note; an info' });
    expect(pollOutcome({ ...r, notes: [] })).toMatchObject({ status: 'OK' });
    expect(pollOutcome({ ...r, broken: 'health.json is corrupt' })).toMatchObject({
      exitCode: 2,
      status: 'ERROR',
      message: 'no new failures; a note; an info; but health.json is corrupt',
    });
  });

  test('a backfill is never "new"; unreadable values of the answer go into --json', () => {
    const r: PollResult = { ...base, kind: 'mailed', mailed: 2, to: 1, withheld: 0, backfill: true, unreadable: 1 };
    const o = pollOutcome(r);
    expect(o.message).toBe('2 failures backfilled, mailed to 1 recipient (backfill: cursor unchanged)');
    expect(o.data).toMatchObject({ mailed: 2, unreadable: 1 });
    expect(pollOutcome({ ...r, kind: 'dry-run' }).message).toBe(
      'dry run: 2 failures found, nothing sent, cursor unchanged',
    );
  });
});
