/** The configuration as the command line, the environment and the config file give it. */
import type { Command } from 'commander';
import { type Config, type ConfigInput, loadConfig } from '../config/config';
import type { RawConfig } from '../config/keys';
import type { Need } from '../config/require';
import type { Io, System } from '../core/outcome';

interface GlobalOpts {
  config?: string;
  stateDir?: string;
  json?: boolean;
  verbose?: boolean;
  insecure?: boolean;
}

/** Where `eem` reads the config: in the directory given with --dir, which may be another machine's. */
export type ConfigWhere = Partial<Pick<ConfigInput, 'baseDir' | 'optionalFile'>>;

export function loadConfigFor(cmd: Command, sys: System, io: Io, needs: readonly Need[], where: ConfigWhere): Config {
  const g = cmd.optsWithGlobals<GlobalOpts>();
  const flags: RawConfig = {};
  if (g.config) flags.ISE_TO_MAIL_CONFIG = g.config;
  if (g.stateDir) flags.STATE_DIR = g.stateDir;
  if (g.insecure) flags.ISE_INSECURE = '1';
  const baseDir = where.baseDir ?? sys.baseDir;
  const cfg = loadConfig({
    baseDir,
    env: sys.env,
    flags,
    require: needs,
    optionalFile: where.optionalFile,
    hostname: sys.hostname,
  });
  // No "ise-to-mail:" prefix: that would match the EEM applet's regexp for the summary line.
  for (const warning of cfg.warnings) io.err(`WARNING ${warning}`);
  if (cfg.ise.insecure)
    io.err(
      'WARNING TLS verification toward ISE is OFF (ISE_INSECURE=1 / --insecure): anyone on the path can read the ' +
        'pxGrid credentials. Set ISE_CA instead.',
    );
  return cfg;
}
