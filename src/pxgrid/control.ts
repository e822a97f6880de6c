import type { z } from 'zod';
import { AppError, Exit, iseError } from '../errors';
import type { IseEndpoint } from '../config/config';
import { type BasicAuth, type PxHttp } from './http';
import { accessSecretResponse, accountActivateResponse, accountCreateResponse, serviceLookupResponse, type ServiceNode } from './schemas';

export const RADIUS_SERVICE = 'com.cisco.ise.radius';

/**
 * pxGrid control calls (pxgrid-api.md §2). Each call tries the configured controllers in order
 * and moves to the next only when one cannot be reached; an HTTP answer is final.
 */
export class PxControl {
  #preferred = 0;

  constructor(
    private readonly http: PxHttp,
    private readonly hosts: IseEndpoint[],
  ) {}

  async call<T>(method: string, body: unknown, auth: BasicAuth | undefined, schema: z.ZodType<T>, statusHint: (s: number) => AppError | undefined): Promise<T> {
    const { status, text, host } = await this.#post(method, body, auth);
    if (status !== 200) throw statusHint(status) ?? iseError(`pxGrid ${method} on ${host} answered HTTP ${status}; check the pxGrid client in ISE (Administration > pxGrid Services)`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw iseError(`pxGrid ${method} on ${host} answered with something that is not JSON; is ${host} a pxGrid node?`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw iseError(`pxGrid ${method} on ${host} answered in an unexpected format; check the ISE version (pxGrid 2.0 is needed)`);
    return parsed.data;
  }

  async #post(method: string, body: unknown, auth?: BasicAuth): Promise<{ status: number; text: string; host: string }> {
    let lastError: unknown;
    for (let n = 0; n < this.hosts.length; n++) {
      const i = (this.#preferred + n) % this.hosts.length;
      const { host, port } = this.hosts[i]!;
      const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}/pxgrid/control/${method}`;
      try {
        // AccountCreate's 503 means "password accounts disabled": final, not transient.
        const res = await this.http.post(url, body, auth, method === 'AccountCreate');
        const text = await res.body.text();
        this.#preferred = i;
        return { status: res.status, text, host: `${host}:${port}` };
      } catch (err) {
        lastError = err;
        if (err instanceof AppError && /RUN_DEADLINE|TLS/.test(err.message)) throw err;
      }
    }
    throw lastError;
  }
}

export const accountCreate = (c: PxControl, nodeName: string) =>
  c.call('AccountCreate', { nodeName }, undefined, accountCreateResponse, (s) => {
    if (s === 409) return new AppError(Exit.account, `pxGrid client ${nodeName} already exists on ISE but its password is not in STATE_DIR: have the ISE admin delete client ${nodeName} under Administration > pxGrid Services > Client Management, or set another PXGRID_USER`);
    if (s === 503 || s === 403) return new AppError(Exit.account, 'ISE refuses password-based pxGrid accounts: enable "Allow password based account creation" under Administration > pxGrid Services > Settings, or use certificates (PXGRID_CERT, PXGRID_KEY)');
    return undefined;
  });

export const accountActivate = (c: PxControl, auth: BasicAuth, description: string) =>
  c.call('AccountActivate', { description }, auth, accountActivateResponse, (s) =>
    s === 401
      ? new AppError(Exit.account, `ISE does not accept the stored credentials of pxGrid client ${auth.user} (HTTP 401): the account was deleted or the password is wrong; delete pxgrid-account.json in STATE_DIR and run setup again`)
      : undefined,
  );

export async function serviceLookup(c: PxControl, auth: BasicAuth): Promise<ServiceNode[]> {
  const res = await c.call('ServiceLookup', { name: RADIUS_SERVICE }, auth, serviceLookupResponse, (s) =>
    s === 401 || s === 403 ? new AppError(Exit.account, `ISE refused ServiceLookup for ${auth.user} (HTTP ${s}): the client is not approved or not authorized; check it under Administration > pxGrid Services > Client Management`) : undefined,
  );
  return res.services;
}

export async function accessSecret(c: PxControl, auth: BasicAuth, peerNodeName: string): Promise<string> {
  const res = await c.call('AccessSecret', { peerNodeName }, auth, accessSecretResponse, () => undefined);
  return res.secret;
}

/** A service property by name, case-insensitively: ISE sends `restBaseUrl` or `restBaseURL`. */
export function serviceProperty(node: ServiceNode, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(node.properties)) if (k.toLowerCase() === want && typeof v === 'string') return v;
  return undefined;
}
