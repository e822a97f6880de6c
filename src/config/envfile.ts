/**
 * Parses the `KEY=VALUE` config file: the subset of sh that an `env.sh` of settings uses, read as
 * sh reads it (`#` comments, blank lines, a leading `export `, single and double quotes, parts
 * joined as in `'it'\''s'`), and the line named for what sh would read otherwise ($ expansion,
 * command substitution, a line continuation, a backslash outside quotes). docs/configuration.md
 * documents the subset.
 * Returns entries in file order with their line numbers so errors can point at them, and one
 * problem per line it cannot take: every mistake of the file is reported in one run.
 */
export interface EnvEntry {
  key: string;
  value: string;
  line: number;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

export function parseEnvFile(text: string, fileName: string): { entries: EnvEntry[]; problems: string[] } {
  const entries: EnvEntry[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = LINE.exec(raw);
    if (!m) {
      problems.push(
        `${fileName} line ${i + 1}: expected KEY=VALUE, e.g. SMTP_SERVER=smtp.example.net (# starts a comment)`,
      );
      return;
    }
    try {
      entries.push({ key: m[1]!, value: unquote(m[2]!), line: i + 1 });
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push(`${fileName} line ${i + 1}: ${err.message}`);
    }
  });
  return { entries, problems };
}

const NOT_SUPPORTED = {
  expansion: '$ expansion ($VAR, $(...)) is not supported: write the value itself, in single quotes if it holds a $',
  command: 'command substitution (`...`) is not supported: write the value itself',
  continuation: 'a line continuation (\\ at the end of the line) is not supported: put the value on one line',
  backslash: "a \\ outside quotes is not supported: put the value in single quotes, e.g. 'CORP\\svc-*'",
};

class LineError extends Error {}

/** A double-quoted part from `value[start]`: its text and the index past its closing quote. */
function doubleQuoted(value: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') return [out, i + 1];
    if (c === '$') throw new LineError(NOT_SUPPORTED.expansion);
    if (c === '`') throw new LineError(NOT_SUPPORTED.command);
    // Inside double quotes sh drops a backslash only before $ ` " \ (POSIX 2.2.3).
    if (c === '\\' && '$`"\\'.includes(value[i + 1] ?? '')) i++;
    out += value[i];
  }
  throw new LineError('missing closing "');
}

/** One part outside quotes at `value[i]`: its text and the index after it (end: the value ended). */
function part(value: string, i: number, quoted: boolean): [string, number] {
  const c = value[i]!;
  if (c === "'") {
    const end = value.indexOf("'", i + 1);
    if (end < 0) throw new LineError("missing closing '");
    return [value.slice(i + 1, end), end + 1];
  }
  if (c === '"') return doubleQuoted(value, i);
  if (c === '$') throw new LineError(NOT_SUPPORTED.expansion);
  if (c === '`') throw new LineError(NOT_SUPPORTED.command);
  if (c === '\\') {
    const next = value[i + 1];
    if (next === undefined) throw new LineError(NOT_SUPPORTED.continuation);
    // \' and \" join quoted parts ('it'\''s'); any other is read differently by sh and by older releases.
    if (next !== "'" && next !== '"') throw new LineError(NOT_SUPPORTED.backslash);
    return [next, i + 2];
  }
  if (/\s/.test(c)) {
    // Unquoted spaces are kept (sh would refuse them); a ` #` starts a comment, as in sh.
    const rest = value.slice(i).trim();
    if (rest === '' || rest.startsWith('#')) return ['', value.length];
    if (quoted) throw new LineError('unexpected text after the quoted value');
  }
  return [c, i + 1];
}

/** The value as sh reads it: quoted and unquoted parts joined; what sh would expand is refused. */
function unquote(value: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < value.length; ) {
    const [text, next] = part(value, i, quoted);
    // A part that took more characters than it gave was quoted or escaped.
    quoted ||= next - i !== text.length;
    out += text;
    i = next;
  }
  return out;
}
