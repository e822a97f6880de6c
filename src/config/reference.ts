import { GROUPS, type Group, type Setting } from './setting';
import { SETTINGS } from './settings';

/**
 * docs/configuration.md, generated from the settings table (`npm run docs:config`); a unit test
 * fails when the committed page differs. Not part of dist/run.js: nothing in src/main.ts imports it.
 */

const INTRO = `# Configuration

<!-- Generated from src/config/settings.ts by \`npm run docs:config\`: edit the table, not this page. -->

Every setting is an environment variable or a \`KEY=VALUE\` line of the config file, with the same
name. Precedence: command-line flags > environment > config file > defaults. The config file is
\`ise-to-mail.env\` next to \`run.js\`, or the file named by \`--config\` or \`ISE_TO_MAIL_CONFIG\`.
Relative paths resolve against the directory holding \`run.js\`, never the working directory (EEM's
is unknown). \`run.js --help\` lists the same settings.

## The config file

The config file is a subset of sh: an \`env.sh\` that only sets variables works as it is, and
every value is read as sh reads it:

- \`KEY=VALUE\` lines, blank lines, \`#\` comments, a leading \`export \`;
- \`'single quotes'\` keep everything as written; \`"double quotes"\` too, except that \`\\"\`, \`\\\\\`,
  \`\\$\` and \`\` \\\` \`\` stand for the character;
- quoted parts next to each other are joined: \`MAIL_PASS='it'\\''s'\` is \`it's\`;
- outside quotes, \` #\` starts a comment, and spaces inside a value are kept (\`MAIL_FROM_NAME=ISE
  alerts\`; sh itself would refuse that line).

Refused with the file name and line number, because sh would read them otherwise (the value is
never taken literally): \`$VAR\`, \`\${VAR}\` and \`$(...)\` expansion and \`\` \`...\` \`\` (write the value
itself, in single quotes if it holds a \`$\`), a \`\\\` at the end of a line (line continuation: put the
value on one line) and a \`\\\` anywhere else outside quotes (put the value in single quotes).

## Errors

A configuration error stops the run with exit 2 and one line that names every problem at once:
each unknown key in the config file (with the closest known name: \`SMTP_SEVRER\` → did you mean
\`SMTP_SERVER\`?), each invalid value, and every setting the command needs that is not set (\`run\`
needs the ISE and mail settings, \`setup\` the ISE ones, \`test-mail\` the mail ones). An environment
variable that looks like a mistyped setting is ignored with a \`WARNING\` on stderr. Durations are
written \`500ms\`, \`150s\`, \`10m\`, \`2h\` or \`1d\` (a bare number is seconds), at most
\`2147483647ms\` (about 24.8 days, the longest a timer can wait).
`;

const cell = (text: string) => text.replace(/\|/g, '\\|');

function row(key: string, s: Setting): string {
  const name = s.alias ? `\`${key}\` (alias \`${s.alias}\`)` : `\`${key}\``;
  const secret = s.secret ? ' Secret: taken exactly as written (not trimmed) and scrubbed from all output.' : '';
  const dflt = s.unset ?? (s.default ? `\`${s.default}\`` : 'unset');
  return `| ${name} | ${cell(dflt)} | ${cell(s.help)}.${secret} |`;
}

function group(group: Group): string[] {
  const rows = (Object.entries(SETTINGS) as [string, Setting][]).filter(([, s]) => s.group === group);
  return [
    '',
    `## ${GROUPS[group]}`,
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...rows.map(([k, s]) => row(k, s)),
  ];
}

/** The whole page, ending in one newline. */
export function configurationPage(): string {
  return `${[INTRO.trimEnd(), ...(Object.keys(GROUPS) as Group[]).flatMap(group)].join('\n')}\n`;
}
