import type { Config } from '../config/config';
import { requireSettings } from '../config/require';
import { Deadline } from '../core/deadline';
import { Exit } from '../core/errors';
import type { Io, Outcome, System } from '../core/outcome';
import { accountStateError, activate } from '../pxgrid/account';
import { PxControl } from '../pxgrid/control';
import { PxHttp } from '../pxgrid/http';
import { DESCRIPTION } from '../pxgrid/session';
import { loadTls } from '../pxgrid/tls';

/** What the team will receive, said where they first set the tool up. */
const alertPolicy = (cfg: Config) =>
  cfg.alert.mode === 'digest'
    ? 'routine failures then arrive in one digest per period, incidents at once; run --flush sends the first digest now'
    : 'ALERT_MODE=each-run: one mail per run that finds failures';

/**
 * The account steps, by hand: create the password client if needed (stored 0600 in STATE_DIR),
 * activate it, and say what the ISE admin must do next. Safe to rerun: a stored password is
 * reused, and AccountActivate only reports the state once the client exists.
 */
export async function setup(cfg: Config, sys: System, io: Io): Promise<Outcome> {
  requireSettings(cfg, ['ise']);
  const http = new PxHttp(loadTls(cfg.ise, sys.now()), new Deadline(cfg.deadlineMs, sys.now));
  const mode = cfg.ise.cert ? `certificate ${cfg.ise.cert}` : 'password';
  io.out(
    `pxGrid client ${cfg.ise.nodeName} (${mode} auth) at ${cfg.ise.hosts.map((h) => `${h.host}:${h.port}`).join(', ')}`,
  );
  try {
    const acct = await activate(cfg, new PxControl(http, cfg.ise.hosts), {
      stateDir: cfg.stateDir,
      description: DESCRIPTION,
    });
    if (acct.created)
      io.out(`created the client on ISE; its password is in ${acct.file} (keep it: ISE never shows it again)`);
    else if (acct.file) io.out(`using the stored password in ${acct.file}`);
    io.out(`account state: ${acct.state}`);
    const err = accountStateError(acct.auth.user, acct.state, 'run setup again');
    if (!err) {
      return {
        exitCode: Exit.ok,
        status: 'OK',
        message:
          `pxGrid client ${acct.auth.user} is ENABLED: next, run doctor, then install the EEM applet ` +
          `(${alertPolicy(cfg)})`,
        data: { accountState: acct.state },
      };
    }
    // PENDING is the expected first answer, not a fault: WARN, but still exit 3 for scripts.
    return {
      exitCode: err.exitCode,
      status: acct.state === 'PENDING' ? 'WARN' : 'ERROR',
      message: err.message,
      data: { accountState: acct.state },
    };
  } finally {
    await http.close();
  }
}
