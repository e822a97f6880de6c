import { lookup } from 'node:dns/promises';
import { unlinkSync, writeFileSync } from 'node:fs';
import { connect, isIP } from 'node:net';
import { join } from 'node:path';
import { Deadline } from '../core/deadline';
import { errCode } from '../core/errcode';
import { describe, Exit, usageError } from '../core/errors';
import { smtpVerify } from '../mail/smtp';
import { connectionOptions, smtpAuth, smtpError } from '../mail/transport';
import { makeStateDir } from '../state/files';
import type { DoctorContext, DoctorReport } from './report';

const STEP_MS = 10_000;

/** Rejects with `what` when `p` takes longer than `ms` (a ref'd timer: the process waits for it). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(what), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function dnsCheck(
  ctx: DoctorContext,
  report: DoctorReport,
  host: string,
  key: string,
  exitCode: typeof Exit.ise | typeof Exit.mail,
): Promise<boolean> {
  if (isIP(host)) {
    report.ok(`dns ${host}`, 'an IP address, no lookup needed');
    return true;
  }
  const found = await report.probe(`dns ${host}`, exitCode, async () => {
    try {
      const addrs = await withTimeout(lookup(host, { all: true }), ctx.deadline.cap(STEP_MS), 'DNS lookup timed out');
      return { value: true, detail: addrs.map((a) => a.address).join(', ') };
    } catch (err) {
      throw new Error(
        `${host} does not resolve (${(err as { code?: string }).code ?? describe(err)}): check ${key} and the ` +
          `DNS server in Guestshell (/etc/resolv.conf)`,
      );
    }
  });
  return found === true;
}

export async function tcpCheck(
  ctx: DoctorContext,
  report: DoctorReport,
  host: string,
  port: number,
  remedy: string,
  exitCode: typeof Exit.ise | typeof Exit.mail,
): Promise<boolean> {
  const ok = await report.probe(`tcp ${host}:${port}`, exitCode, async () => {
    const ms = ctx.deadline.cap(STEP_MS);
    await new Promise<void>((resolve, reject) => {
      const socket = connect({ host, port, timeout: ms });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('timeout', () => {
        socket.destroy();
        reject(new Error(`no answer within ${ms} ms: ${remedy}`));
      });
      socket.once('error', (err: Error) => reject(new Error(`${errCode(err) || describe(err)}: ${remedy}`)));
    });
    return { value: true, detail: 'connected' };
  });
  return ok === true;
}

/** Creates and deletes a temp file, the way every state write works (no chmod: guest-share refuses it). */
export async function stateDirCheck(ctx: DoctorContext, report: DoctorReport): Promise<void> {
  const dir = ctx.cfg.stateDir;
  await report.probe('state dir', Exit.usage, () => {
    const probe = join(dir, `.doctor-${ctx.sys.pid}.tmp`);
    try {
      makeStateDir(dir);
      writeFileSync(probe, 'ise-to-mail doctor\n', { mode: 0o600, flag: 'wx' });
      unlinkSync(probe);
    } catch (err) {
      throw usageError(
        `${dir} is not writable (${errCode(err) || describe(err)}): point STATE_DIR (or ` +
          `--state-dir) at a writable directory, e.g. under /bootflash/guest-share`,
      );
    }
    return { value: true, detail: `${dir} is writable` };
  });
}

/** DNS, TCP, then an SMTP session without a message: TLS/STARTTLS and AUTH exactly as a run would do them. */
export async function smtpChecks(ctx: DoctorContext, report: DoctorReport): Promise<void> {
  const { smtp } = ctx.cfg;
  const host = smtp.host ?? '';
  if (!(await dnsCheck(ctx, report, host, 'SMTP_SERVER', Exit.mail))) return report.skip('smtp', 'needs DNS');
  if (
    !(await tcpCheck(
      ctx,
      report,
      host,
      smtp.port,
      'check SMTP_SERVER, SMTP_PORT and the firewall from Guestshell',
      Exit.mail,
    ))
  )
    return report.skip('smtp', 'needs TCP');
  await report.probe(`smtp ${host}:${smtp.port}`, Exit.mail, async () => {
    // The same options as sendMail, so this checks what a run does.
    const options = connectionOptions(ctx.cfg, new Deadline(ctx.deadline.cap(STEP_MS), ctx.sys.now));
    let authed: boolean;
    try {
      authed = await smtpVerify(options, smtpAuth(ctx.cfg));
    } catch (err) {
      throw smtpError(ctx.cfg, err, 'check');
    }
    const tls =
      smtp.security === 'none' ? 'no TLS (SMTP_SECURITY=none)' : smtp.security === 'tls' ? 'implicit TLS' : 'STARTTLS';
    const auth = !smtp.user
      ? 'no AUTH configured'
      : authed
        ? `AUTH as ${smtp.user} accepted`
        : 'the server offered no AUTH, so MAIL_USER is not used (a relay that needs it offers AUTH only after ' +
          'STARTTLS: SMTP_SECURITY=starttls)';
    return { value: true, detail: `${tls}, ${auth}` };
  });
}
