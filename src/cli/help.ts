import type { Command } from 'commander';
import { KEYS, type KeyInfo } from '../config/keys';

const WIDTH = 79;
const INDENT = 27;

/** Wraps `text` into lines of at most WIDTH columns, continuation lines indented. */
function wrap(first: string, text: string): string[] {
  const lines: string[] = [];
  let line = first.padEnd(INDENT);
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > WIDTH && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = ' '.repeat(INDENT);
    }
    line += `${line.endsWith(' ') ? '' : ' '}${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The variables and exit codes, appended to --help; every line fits an 80-column terminal. */
export function helpEpilog(): string {
  const vars = (Object.entries(KEYS) as [string, KeyInfo][]).flatMap(([k, info]) =>
    wrap(`  ${info.alias ? `${k} (${info.alias})` : k}`, info.help),
  );
  return [
    '',
    'Configuration (flags > environment > config file > defaults):',
    ...vars,
    '',
    'Exit codes: 0 done, 1 internal error, 2 usage/config, 3 pxGrid account not',
    'approved/disabled, 4 ISE unreachable/TLS/protocol, 5 mail not delivered,',
    '6 another run holds the lock.',
  ].join('\n');
}

/**
 * Every command's own flags, appended to the top-level --help so one screen shows all of them
 * (the per-command --help stays the detailed view). Built from the program, so it never drifts.
 */
export function commandFlags(program: Command): string {
  const lines = ['', 'Flags of each command (details: run.js <command> --help):'];
  for (const cmd of program.commands) {
    if (cmd.options.length === 0) continue;
    lines.push(`  ${cmd.name()}:`);
    for (const o of cmd.options) {
      const choices = o.argChoices ? ` (${o.argChoices.join(' | ')})` : '';
      const def =
        o.defaultValue !== undefined && typeof o.defaultValue !== 'boolean' ? ` [${String(o.defaultValue)}]` : '';
      lines.push(...wrap(`    ${o.flags}`, `${o.description}${choices}${def}`));
    }
  }
  return lines.join('\n');
}
