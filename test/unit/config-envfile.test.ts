// The config file takes what an existing env.sh holds, as sh reads it, or names the line it
// cannot take: never a value silently read other than sh would read it.
import { describe, expect, test } from 'vitest';
import { parseEnvFile } from '../../src/config/envfile';

const value = (line: string) => parseEnvFile(line, 'f')[0]?.value;
const error = (text: string) => {
  try {
    parseEnvFile(text, 'f');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the line to be refused');
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
