/**
 * Parses the `KEY=VALUE` config file. Accepts what an existing `env.sh` holds: `#` comments, blank
 * lines, a leading `export `, single or double quotes (README, "Configuration").
 * Returns entries in file order with their line numbers so errors can point at them.
 */
export interface EnvEntry {
  key: string;
  value: string;
  line: number;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

export function parseEnvFile(text: string, fileName: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = LINE.exec(raw);
    if (!m)
      throw new Error(
        `${fileName} line ${i + 1}: expected KEY=VALUE, e.g. SMTP_SERVER=smtp.example.net (# starts a comment)`,
      );
    entries.push({ key: m[1]!, value: unquote(m[2]!, fileName, i + 1), line: i + 1 });
  });
  return entries;
}

/** Index of the quote that closes `value[0]`; inside double quotes a backslash escapes it. */
function closingQuote(value: string, q: string): number {
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === '\\') i++;
    else if (value[i] === q) return i;
  }
  return -1;
}

function unquote(value: string, fileName: string, line: number): string {
  const q = value[0];
  if (q === '"' || q === "'") {
    const end = closingQuote(value, q);
    if (end < 0) throw new Error(`${fileName} line ${line}: missing closing ${q}`);
    const rest = value.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) {
      throw new Error(`${fileName} line ${line}: unexpected text after the quoted value`);
    }
    const inner = value.slice(1, end);
    return q === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
  }
  // Unquoted: a ` #` starts a comment, as in a shell.
  const hash = value.search(/\s#/);
  return (hash >= 0 ? value.slice(0, hash) : value).trim();
}
