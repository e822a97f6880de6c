import type { Command } from 'commander';
import { GROUPS, type Group, type Setting } from '../config/setting';
import { SETTINGS } from '../config/settings';

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

/** ` [default]`, or nothing for a setting that is unset by default. */
function shown(s: Setting): string {
  const value = s.unset ?? s.default;
  return value ? ` [${value}]` : '';
}

/** The variables by group, each with its default: generated from the settings table. */
function variables(): string[] {
  const entries = Object.entries(SETTINGS) as [string, Setting][];
  return (Object.keys(GROUPS) as Group[]).flatMap((group) => [
    `  ${GROUPS[group]}:`,
    ...entries
      .filter(([, s]) => s.group === group)
      .flatMap(([k, s]) => wrap(`    ${s.alias ? `${k} (${s.alias})` : k}`, s.help + shown(s))),
  ]);
}

/** The variables and exit codes, appended to --help; every line fits an 80-column terminal. */
export function helpEpilog(): string {
  return [
    '',
    'Configuration (flags > environment > config file > defaults):',
    ...variables(),
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
