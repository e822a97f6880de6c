import type { ReaderFor } from './fields';

/** What the settings table (settings.ts) says of each setting, and the groups it lists them in. */
export interface Setting<T = unknown> {
  group: Group;
  /** How the text is read (fields.ts). */
  read: ReaderFor<T>;
  /** The default as an operator writes it, read like a set value; none: the setting is optional. */
  default?: string;
  /** How the docs and `--help` describe the value when unset, where that is not `default`. */
  unset?: string;
  /** One line, for `--help` and the docs. */
  help: string;
  alias?: string;
  /** Never shown, scrubbed from output, and taken exactly as written (a password may end in a space). */
  secret?: boolean;
  /** What to give when a command needs the setting and it is not set ("ISE_HOST is not set: give ..."). */
  give?: string;
}

export const GROUPS = {
  ise: 'ISE and pxGrid',
  smtp: 'Mail server',
  mail: 'The mail',
  filters: 'What not to mail',
  run: 'Runs and state',
  health: 'Health mails',
  alert: 'Alert policy',
  incidents: 'Incident rules',
} as const;
export type Group = keyof typeof GROUPS;
