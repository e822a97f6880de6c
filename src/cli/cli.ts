import { Command, CommanderError, Option } from 'commander';
import type { EemOptions } from '../commands/eem';
import type { Need } from '../config/require';
import { AppError, describe, Exit } from '../core/errors';
import { untilStopped } from '../core/interrupt';
import { formatSummary, type Io, type Outcome, SUMMARY_MAX, type System } from '../core/outcome';
import { printable } from '../core/printable';
import { redact } from '../core/redact';
import { VERSION } from '../core/version';
import { secretsOf } from '../state/secrets';
import type { Ctx } from './context';
import { commandFlags, helpEpilog } from './help';
import { type ConfigWhere, loadConfigFor } from './load-config';
import { addMuteCommands } from './mute-commands';
import { type RunFlags, sinceFlag } from './since';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const COMMANDS = ['run', 'setup', 'doctor', 'test-mail', 'eem', 'mute', 'mutes', 'unmute'];

/** Parses argv, runs one command, prints the summary line; returns the exit code. Never exits. */
export async function runCli(argv: string[], sys: System, output: Output): Promise<number> {
  const state = { json: false, verbose: false, secrets: [] as string[] };
  const io: Io = {
    out: (line) => output.stdout(`${redact(line, state.secrets)}\n`),
    err: (line) => output.stderr(`${redact(line, state.secrets)}\n`),
    // Never "ise-to-mail: ...": the EEM applet matches that prefix in the combined output.
    debug: (line) => state.verbose && output.stderr(`debug: ${redact(line, state.secrets)}\n`),
  };
  let result: Outcome | undefined;
  const config = (cmd: Command, needs: readonly Need[] = [], where: ConfigWhere = {}) => {
    const cfg = loadConfigFor(cmd, sys, io, needs, where);
    state.secrets = secretsOf(cfg);
    return cfg;
  };
  const program = buildProgram(output, { sys, io, config, done: (o) => (result = o) });
  // Set as commander meets the flags, so even a usage error found later is reported as asked.
  program.on('option:json', () => (state.json = true)).on('option:verbose', () => (state.verbose = true));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    result = err instanceof CommanderError ? usageOutcome(err, argv) : failure(err, io, state.verbose);
    if (err instanceof CommanderError && err.exitCode === 0) return 0; // --help, --version
  }
  if (!result) return 0;
  const line = formatSummary(result, state.json, state.secrets);
  // Cut for syslog: the whole text to stderr first, without the `ise-to-mail: STATUS` applets match.
  if (line.length >= SUMMARY_MAX && !state.json)
    io.err(`summary line cut for syslog; in full: ${printable(result.message)}`);
  io.out(line);
  return result.exitCode;
}

function usageOutcome(err: CommanderError, argv: string[]): Outcome {
  // `run` is the default command, so a mistyped command name reaches it as an extra argument.
  const word = argv.find((a) => !a.startsWith('-'));
  const message =
    err.code === 'commander.excessArguments' && word && !COMMANDS.includes(word)
      ? `unknown command "${word}": the commands are ${COMMANDS.join(', ')}`
      : err.message.replace(/^error: /, '').replace(/\.$/, '');
  return { exitCode: Exit.usage, status: 'ERROR', message: `${message}; see --help` };
}

function failure(err: unknown, io: Io, verbose: boolean): Outcome {
  if (verbose && err instanceof Error) {
    io.err(err.stack ?? err.message);
    for (let c = err.cause; c; c = (c as Error).cause)
      io.err(`caused by: ${c instanceof Error ? (c.stack ?? c.message) : String(c)}`);
  }
  // Another run holding the lock is not a failure of this one: WARN, so EEM logs no error.
  if (err instanceof AppError)
    return { exitCode: err.exitCode, status: err.kind === 'locked' ? 'WARN' : 'ERROR', message: err.message };
  return {
    exitCode: Exit.internal,
    status: 'ERROR',
    message: `internal error: ${describe(err)}; run again with --verbose and report it`,
  };
}

function buildProgram(output: Output, ctx: Ctx): Command {
  const program = new Command('run.js')
    .description('Mail every Cisco ISE RADIUS authentication failure (pxGrid) to your team.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('--config <file>', 'config file (default: ise-to-mail.env next to run.js)')
    .option('--state-dir <dir>', 'cursor, lock and pxGrid credentials (default: data next to run.js)')
    .option('--insecure', 'do not verify ISE TLS certificates (lab only; warns on every run)')
    .option('--json', 'print the summary as one JSON object')
    .option('--verbose', 'diagnostics and stack traces to stderr')
    .exitOverride()
    .configureOutput({
      writeOut: output.stdout,
      writeErr: output.stderr,
      getOutHelpWidth: () => 79,
      getErrHelpWidth: () => 79,
      outputError: () => undefined,
    })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError(false);
  addRunCommand(program, ctx);
  addSimpleCommands(program, ctx);
  addEemCommand(program, ctx);
  addMuteCommands(program, ctx);
  // Top-level --help lists every command's flags too (one screen for the operator on the device).
  program.addHelpText('after', () => `${commandFlags(program)}\n${helpEpilog()}`);
  return program;
}

function addRunCommand(program: Command, { sys, io, config, done }: Ctx): void {
  program
    .command('run', { isDefault: true })
    .description('one poll: fetch new RADIUS failures, mail them, advance the cursor')
    .addOption(
      new Option('--since <when>', 'one-off backfill from an ISO time or a duration (90m, 6h, 2d); cursor untouched'),
    )
    .option('--dry-run', 'print the mail instead of sending it; change nothing')
    .option('--reset-cursor', 'forget what was mailed and start as on a first run (last hour); not with --since')
    .option('--flush', 'send the pending digest now (ALERT_MODE=digest); not with --since')
    .action(async (opts: RunFlags, cmd: Command) => {
      const since = sinceFlag(opts, sys.now());
      const cfg = config(cmd, ['ise', 'mail']);
      const { runPoll } = await import('../commands/run');
      const flags = {
        dryRun: Boolean(opts.dryRun),
        resetCursor: Boolean(opts.resetCursor),
        flush: Boolean(opts.flush),
      };
      done(await runPoll(cfg, { since, ...flags }, sys, io));
    });
}

function addSimpleCommands(program: Command, { sys, io, config, done }: Ctx): void {
  program
    .command('test-mail')
    .description('send one sample alert mail (marked as a test) to check SMTP settings')
    .action(async (_opts: unknown, cmd: Command) => {
      const cfg = config(cmd, ['mail']);
      const { testMail } = await import('../commands/test-mail');
      done(await untilStopped(sys.stop, testMail(cfg, sys), 'test-mail'));
    });
  program
    .command('setup')
    .description('create/activate the pxGrid client account and say what the ISE admin must do next')
    .action(async (_opts: unknown, cmd: Command) => {
      const cfg = config(cmd, ['ise']);
      const { setup } = await import('../commands/setup');
      done(await untilStopped(sys.stop, setup(cfg, sys, io), 'setup'));
    });
  program
    .command('doctor')
    .description('check config, DNS, TCP, TLS, pxGrid account and service, SMTP and STATE_DIR; one line per check')
    .action(async (_opts: unknown, cmd: Command) => {
      const { doctor } = await import('../commands/doctor');
      // doctor reports a bad config as its first failed check instead of stopping before it.
      done(
        await untilStopped(
          sys.stop,
          doctor((needs) => config(cmd, needs), sys, io),
          'doctor',
        ),
      );
    });
}

function addEemCommand(program: Command, { sys, io, config, done }: Ctx): void {
  program
    .command('eem')
    .description('print the EEM applets for this install, ready to paste (no ISE/SMTP needed)')
    .option('--every <interval>', 'how often to poll: 5m, 10m, 15m, 30m, 1h...', '5m')
    .option('--maxrun <seconds>', 'EEM run time limit, above RUN_DEADLINE', '240')
    .option('--heap <MB>', 'node --max-old-space-size', '96')
    .addOption(new Option('--platform <name>', 'target OS').choices(['iosxe', 'nxos']).default('iosxe'))
    .option('--node <path>', 'node binary (default: this one; --dir: /home/guestshell/node/bin/node; nxos: required)')
    .option('--dir <path>', 'directory of run.js on the device, where --config is read (default: this one)')
    .option('--vrf <name>', 'NX-OS VRF for chvrf', 'management')
    .option('--guestshell', 'also print the IOS-XE Guestshell/app-hosting setup')
    .option('--memory <MB>', 'app-hosting memory for --guestshell', '512')
    .option('--cli-user <name>', 'run the applets as this AAA user instead of authorization bypass')
    .action(async (opts: EemOptions, cmd: Command) => {
      const { deviceDir, renderEem } = await import('../commands/eem');
      // The applet names the config file in --dir: that is the one whose RUN_DEADLINE counts.
      const cfg = config(cmd, [], { baseDir: deviceDir(opts) ?? sys.baseDir, optionalFile: true });
      done(renderEem(opts, cfg, sys, io));
    });
}
