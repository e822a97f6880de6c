// The config file takes what an existing env.sh holds, as sh reads it, or names the line it
// cannot take: never a value silently read other than sh would read it.
import { describe, expect, test } from 'vitest';
import { parseEnvFile } from '../../src/config/envfile';

const value = (line: string) => parseEnvFile(line, 'f').entries[0]?.value;
const error = (text: string) => {
  const [problem] = parseEnvFile(text, 'f').problems;
  if (problem === undefined) throw new Error('expected the line to be refused');
  return problem;
};

describe('config file values as sh reads them', () => {
  test("the '\\'' idiom and adjacent quoted parts are joined", () => {
    expect(value("MAIL_PASS='it'\\''s'")).toBe("it's");
    expect(value(`MAIL_PASS="a b"'c'`)).toBe('a bc');
    expect(value(`MAIL_PASS='$x'`)).toBe('$x');
    expect(value(`MAIL_PASS="a\\$b\\\\c"`)).toBe('a$b\\c');
    expect(value("MAIL_PASS=' p w '")).toBe(' p w ');
  });

  test('what worked before still reads the same', () => {
    expect(value('MAIL_FROM_NAME=ISE alerts # comment')).toBe('ISE alerts');
    expect(value('EXCLUDE_USERS=host/*,a#b')).toBe('host/*,a#b');
    expect(error("MAIL_PASS='x' y")).toBe('f line 1: unexpected text after the quoted value');
  });

  test('$VAR expansion is refused, naming the line', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a value for sh, not a template
    for (const v of ['$HOME/x', '"${HOME}/x"', 'a$(id)', '"`id`"'])
      expect(error(`# c\nSTATE_DIR=${v}`)).toMatch(/^f line 2: .*not supported/);
    expect(error('STATE_DIR=$HOME')).toContain('in single quotes');
  });

  test('a trailing backslash (line continuation) is refused, naming the line', () => {
    expect(error('MAIL_DEST=a@x.net,\\\n  b@x.net')).toMatch(/^f line 1: a line continuation .* is not supported/);
  });

  test('a backslash outside quotes is refused rather than read literally or dropped', () => {
    expect(error('EXCLUDE_USERS=CORP\\svc')).toMatch(/^f line 1: .*single quotes/);
    expect(value("EXCLUDE_USERS='CORP\\svc'")).toBe('CORP\\svc');
  });
});

describe('every problem of the config file at once', () => {
  test('two refused lines and an unknown key are all named in one run', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readConfigFile } = await import('../../src/config/sources');
    const file = join(mkdtempSync(join(tmpdir(), 'envfile-')), 'ise-to-mail.env');
    writeFileSync(file, 'SMTP_SERVER=$HOST\nMAIL_DEST=a@b\\\nFOO=1\nISE_HOST=ise.example.net\n');
    const problems: string[] = [];
    const raw = readConfigFile(file, problems);
    expect(problems).toEqual([
      `${file} line 1: $ expansion ($VAR, $(...)) is not supported: write the value itself, ` +
        'in single quotes if it holds a $',
      `${file} line 2: a line continuation (\\ at the end of the line) is not supported: put the value on one line`,
      `${file} line 3: unknown key FOO; see 'run.js --help' for the list of variables`,
    ]);
    expect(raw.ISE_HOST).toBe('ise.example.net');
  });
});
