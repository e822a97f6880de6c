import type { Command } from 'commander';
import type { Config } from '../config/config';
import type { Need } from '../config/require';
import type { Io, Outcome, System } from '../core/outcome';
import type { ConfigWhere } from './load-config';

/** What every command needs: the process edges, output, and the config loader. */
export interface Ctx {
  sys: System;
  io: Io;
  done: (o: Outcome) => void;
  /** Loads the config; a missing setting the command `needs` is reported with every other problem. */
  config: (cmd: Command, needs?: readonly Need[], where?: ConfigWhere) => Config;
}
