// Issue 12, "Filters and attachment": hostile user names meet EXCLUDE_USERS and the CSV attachment.
// Through the CLI in-process against the fake pxGrid and a real SMTP server.
import { describe, expect, it } from 'vitest';
import { makeFailure } from '../fake/records';
import { attachmentText, parseCsv } from '../helpers/mail';
import { startWorld, type World } from '../helpers/world';

let world: World | undefined;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('EXCLUDE_USERS', () => {
  it('a glob with many stars against a 253-character name matches in linear time', async () => {
    const long = 'a'.repeat(253);
    world = await startWorld({
      ise: {
        failures: [
          makeFailure({ userName: long, timestamp: at(3) }, 1),
          makeFailure({ userName: `${long}B`, timestamp: at(2) }, 2),
          makeFailure({ userName: 'host/PC-1', timestamp: at(1) }, 3),
        ],
      },
    });
    const started = Date.now();
    // Backtracking regexps took 85 s on the first name; the run deadline could not fire.
    const res = await world.runInProcess([], {
      EXCLUDE_USERS: '*a*a*a*a*b,*a*a*a*a*a*a*c, HOST/?C-*',
      RUN_DEADLINE: '20s',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    // Case-insensitive as before: the name ending in "B" and host/PC-1 are dropped, the first is mailed.
    expect(res.summary).toMatch(/^ise-to-mail: OK 1 new failure mailed to 2 recipients, 2 filtered out/);
    const [m] = await world.smtp.waitForMessages(1);
    expect(m!.parsed.text).toContain('2 more matched EXCLUDE_USERS');
  });
});

describe('CSV attachment', () => {
  it('a cell holding ";" is quoted, so a semicolon-separated spreadsheet cannot start a formula in it', async () => {
    world = await startWorld({
      ise: {
        failures: [
          makeFailure({ userName: 'bob;=1+1', timestamp: at(2) }, 1),
          makeFailure({ userName: 'alice', nasName: 'sw;@SUM(A1)', timestamp: at(1) }, 2),
        ],
      },
    });
    const res = await world.runInProcess();
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const [m] = await world.smtp.waitForMessages(1);
    const text = attachmentText(m!, 'failures.csv.gz');
    expect(text).toContain(',"bob;=1+1",');
    expect(text).toContain(',"sw;@SUM(A1)",');
    const rows = parseCsv(text);
    const user = rows[0]!.indexOf('userName');
    expect(
      rows
        .slice(1)
        .map((r) => r[user])
        .sort(),
    ).toEqual(['alice', 'bob;=1+1']);
  });
});
