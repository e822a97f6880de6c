import type { IseEndpoint } from '../config/config';
import { AppError, iseError } from '../core/errors';
import { learnSecret } from '../core/redact';
import type { BasicAuth, PxHttp } from './http';
import {
  accessSecretResponse,
  accountActivateResponse,
  accountCreateResponse,
  type ServiceNode,
  serviceLookupResponse,
} from './schemas';
import { TransportError } from './transport-errors';

export const RADIUS_SERVICE = 'com.cisco.ise.radius';
/** A control answer is a few hundred bytes; more than this is not pxGrid talking. */
export const CONTROL_MAX_BYTES = 1024 * 1024;

/**
 * pxGrid control calls (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki/pxGrid-Consumer). Each call tries the
 * configured controllers in order
 * and moves to the next only when one cannot be reached; an HTTP answer is final.
 */
export class PxControl {
  #preferred = 0;

  constructor(
    private readonly http: PxHttp,
    private readonly hosts: IseEndpoint[],
  ) {}

  async call<T>(
    method: string,
    body: unknown,
    auth: BasicAuth | undefined,
    /** The accepted answer, or undefined for one of an unexpected shape. */
    check: (json: unknown) => T | undefined,
    statusHint: (s: number) => AppError | undefined,
  ): Promise<T> {
    const { status, text, host } = await this.#post(method, body, auth);
    if (text === undefined)
      throw iseError(
        `pxGrid ${method} on ${host} answered with more than ${CONTROL_MAX_BYTES} bytes (HTTP ${status}), ` +
          `far more than any pxGrid control answer; is ${host} a pxGrid node? check ISE_HOST`,
      );
    if (status !== 200)
      throw (
        statusHint(status) ??
        iseError(
          `pxGrid ${method} on ${host} answered HTTP ${status}; check the pxGrid client in ISE (Administration > ` +
            `pxGrid Services)`,
        )
      );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw iseError(`pxGrid ${method} on ${host} answered with something that is not JSON; is ${host} a pxGrid node?`);
    }
    const parsed = check(json);
    if (parsed === undefined)
      throw iseError(
        `pxGrid ${method} on ${host} answered in an unexpected format; check the ISE version (pxGrid 2.0 is needed)`,
      );
    return parsed;
  }

  /**
   * Tries each ISE_HOST in order, moving on when one gives no HTTP answer (refused, timed out,
   * TLS failure: a node with a bad certificate must not stop alerts while another works). When
   * all fail, a TLS failure is reported before a refused connection: it is the one the operator
   * can fix from here (ISE_CA, certificate), and it proves the node was reachable.
   */
  async #post(
    method: string,
    body: unknown,
    auth?: BasicAuth,
  ): Promise<{ status: number; text: string | undefined; host: string }> {
    const errors: TransportError[] = [];
    for (let n = 0; n < this.hosts.length; n++) {
      const i = (this.#preferred + n) % this.hosts.length;
      const { host, port } = this.hosts[i]!;
      const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}/pxgrid/control/${method}`;
      try {
        // AccountCreate's 503 means "password accounts disabled": final, not transient.
        const res = await this.http.post(url, body, auth, { statusIsFinal: method === 'AccountCreate' });
        const text = await res.body.text(CONTROL_MAX_BYTES);
        this.#preferred = i;
        return { status: res.status, text, host: `${host}:${port}` };
      } catch (err) {
        if (!(err instanceof TransportError) || err.transport === 'deadline') throw err;
        errors.push(err);
      }
    }
    const shown = errors.find((e) => e.transport === 'tls') ?? errors[0]!;
    if (errors.length < 2) throw shown;
    throw new TransportError(shown.transport, `${shown.message} (the other ISE_HOST entries failed too)`, shown);
  }
}

const CLIENTS = 'Administration > pxGrid Services > Client Management > Clients';

export const accountCreate = (c: PxControl, nodeName: string) =>
  c.call('AccountCreate', { nodeName }, undefined, accountCreateResponse, (s) => {
    if (s === 409)
      return new AppError(
        'account',
        `pxGrid client ${nodeName} already exists on ISE but its password is not in STATE_DIR: have the ISE ` +
          `admin delete client ${nodeName} under ${CLIENTS}, or set another PXGRID_USER, then run setup again`,
      );
    // ISE answers 503 when password accounts are disabled; 403 is treated alike by gopxgrid.
    if (s === 503 || s === 403)
      return new AppError(
        'account',
        `ISE refuses password-based pxGrid accounts (AccountCreate HTTP ${s}): enable "Allow password based ` +
          `account creation" under Administration > pxGrid Services > Settings, or use certificates ` +
          `(PXGRID_CERT, PXGRID_KEY)`,
      );
    return undefined;
  });

/** `credentialsFile`: where a password account's password is stored; undefined for certificate accounts. */
export const accountActivate = (c: PxControl, auth: BasicAuth, description: string, credentialsFile?: string) =>
  c.call('AccountActivate', { description }, auth, accountActivateResponse, (s) => {
    if (s !== 401) return undefined;
    if (!credentialsFile) {
      return new AppError(
        'account',
        `ISE does not accept pxGrid client ${auth.user} with this certificate (AccountActivate HTTP 401): check ` +
          `that PXGRID_USER is allowed for PXGRID_CERT and that the client is not deleted under ${CLIENTS}`,
      );
    }
    return new AppError(
      'account',
      `ISE does not accept the stored password of pxGrid client ${auth.user} (AccountActivate HTTP 401): the ` +
        `client was deleted on ISE or ${credentialsFile} is from another ISE; delete that file and run setup ` +
        `again (if setup then reports that the client exists, the ISE admin must delete it under ${CLIENTS})`,
    );
  });

export async function serviceLookup(c: PxControl, auth: BasicAuth): Promise<ServiceNode[]> {
  const res = await c.call('ServiceLookup', { name: RADIUS_SERVICE }, auth, serviceLookupResponse, (s) =>
    s === 401 || s === 403
      ? new AppError(
          'account',
          `ISE refused ServiceLookup for ${auth.user} (HTTP ${s}): the client is not approved or not authorized; ` +
            `check it under ${CLIENTS}`,
        )
      : undefined,
  );
  return res.services;
}

export async function accessSecret(c: PxControl, auth: BasicAuth, peerNodeName: string): Promise<string> {
  const res = await c.call('AccessSecret', { peerNodeName }, auth, accessSecretResponse, (s) =>
    s === 401 || s === 403
      ? new AppError(
          'account',
          `ISE refused AccessSecret for ${auth.user} and node ${peerNodeName} (HTTP ${s}): check the client ` +
            `under ${CLIENTS}`,
        )
      : undefined,
  );
  // Per run and never stored, but a node that echoes Authorization could still put it in output.
  learnSecret(res.secret, `${auth.user}:${res.secret}`);
  return res.secret;
}

/** A service property by name, case-insensitively: ISE sends `restBaseUrl` or `restBaseURL`. */
export function serviceProperty(node: ServiceNode, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(node.properties)) if (k.toLowerCase() === want && typeof v === 'string') return v;
  return undefined;
}
