import { plural } from '../core/plural';
import { reasonCode } from '../pxgrid/reason';
import { STORE_DOWN } from './codes';
import { splitNasKey } from './rolling-window';
import type { Candidate, RuleInput } from './rules';
import type { Tally } from './tally';
import { names, siteOf, top } from './words';

/**
 * Rules that name a cause rather than a count: password guessing from one endpoint, the identity
 * store out of reach, administrators' logins failing. Each gives the incident a first line that
 * says what and where, and a hint to act on.
 */

/** Distinct user names failing from one endpoint (or one wired port) in one poll: nobody has that many. */
export const GUESSING_USERS = 8;
/**
 * With ISE's "Suppress Repeated Failed Clients" one record stands for all of an endpoint's
 * failures with a reason over 15 minutes and keeps only the latest user name: a few names with
 * this many attempts behind them are guessing as well.
 */
const GUESSING_ATTEMPTS = 40;
const guessed = (t: Tally) => t.users.size >= GUESSING_USERS || (t.users.size >= 3 && t.weight >= GUESSING_ATTEMPTS);

const codeOf = (t: Tally) => reasonCode(t.reason) ?? t.reason.slice(0, 60);

export function guessing(x: RuleInput): Candidate[] {
  const out: Candidate[] = [];
  const ports = new Set<string>();
  for (const [endpoint, t] of x.run.byEndpoint) {
    if (!guessed(t)) continue;
    const [where = ''] = top(t.ports, 1);
    ports.add(where);
    out.push(guess(t, { endpoint, where }));
  }
  // Many endpoints on one switch port (a hub, or randomised MACs) are one source too.
  for (const [key, t] of x.run.byPort) {
    const [nas, port] = splitNasKey(key);
    if (!guessed(t) || ports.has(`${nas} ${port}`)) continue;
    out.push(guess(t, { nas, port, where: `${nas} ${port}` }));
  }
  return out;
}

function guess(t: Tally, at: { endpoint?: string; nas?: string; port?: string; where: string }): Candidate {
  const code = codeOf(t);
  const [nas = at.nas ?? ''] = top(t.nas, 1);
  const port = at.port ?? at.where.slice(nas.length + 1);
  const from = at.endpoint
    ? `endpoint ${at.endpoint}${port ? ` on ${nas} port ${port}` : ` via ${names(t.nas)}`}`
    : `${plural(t.endpoints.size, 'endpoint')} on ${nas} port ${port}`;
  const shut = port ? `shut ${nas} port ${port}` : `block ${at.endpoint} on ${nas}`;
  return {
    rule: 'guessing',
    scope: 'source',
    endpoint: at.endpoint,
    nas,
    port: at.endpoint ? undefined : port,
    code,
    tally: t,
    title:
      `password guessing from ${from}${siteOf(t)}: ${t.users.text} users failing ${code}` +
      `${t.weight > 2 * t.users.size ? `, ${t.weight} attempts` : ''}`,
    evidence: [
      `${t.users.text} distinct user names failed from ${from} in this poll (${plural(t.weight, 'failure')}, ` +
        `reasons ${names(codes(t))}): people fail from their own devices, one name each.`,
    ],
    hint:
      `Password guessing: ${shut} (or quarantine the endpoint, e.g. with ISE Adaptive Network Control), ` +
      'find the device and who plugged it in, then check the accounts it tried for lockouts and for a success.',
  };
}

const codes = (t: Tally) => new Map([[codeOf(t), t.weight]]);

/** ISE's identity store unreachable, seen on this many NAS and users/endpoints in one poll. */
const STORE_NAS = 2;
const STORE_SUBJECTS = 3;

export function identityStore(x: RuleInput): Candidate[] {
  const t = x.run.storeDown.get('ad');
  if (!t || t.nas.size < STORE_NAS || Math.max(t.users.size, t.endpoints.size) < STORE_SUBJECTS) return [];
  const byCode = new Map([...STORE_DOWN].map((c) => [c, x.run.byCode.get(c)?.weight ?? 0] as const));
  const seen = new Map([...byCode].filter(([, n]) => n > 0));
  const psn = t.servers.size ? ` (PSN ${names(t.servers, 3)})` : '';
  return [
    {
      rule: 'identity-store',
      scope: 'store',
      code: top(seen, 1)[0],
      tally: t,
      title:
        `AD unreachable from ISE${psn}: ${plural(t.weight, 'failure')}, ${t.users.text} users on ` +
        `${plural(t.nas.size, 'NAS', '')}${siteOf(t)}`,
      evidence: [
        `Active Directory errors on ${plural(t.nas.size, 'NAS', '')} in one poll: ` +
          `${[...seen].map(([c, n]) => `${c} (${n})`).join(', ')}; the users' passwords are not the problem.`,
      ],
      hint:
        'ISE cannot use Active Directory: check the AD join point on the PSNs named (Administration > Identity ' +
        'Management > External Identity Sources > Active Directory: node status, Test User), then DNS, ' +
        'routing, firewall and time from those PSNs to the domain controllers they use.',
    },
  ];
}

export function adminLogin(x: RuleInput): Candidate[] {
  const { min } = x.settings.adminLogin;
  const out: Candidate[] = [];
  const covered = new Set<string>();
  for (const [nas, t] of x.run.byAdminNas) {
    if (t.weight < min) continue;
    for (const u of t.users.names) covered.add(u);
    out.push(admin(t, { nas }));
  }
  for (const [user, t] of x.run.byAdminUser) {
    if (!user || t.weight < min || covered.has(user)) continue;
    out.push(admin(t, { subject: user }));
  }
  return out;
}

function admin(t: Tally, key: { nas?: string; subject?: string }): Candidate {
  const device = key.nas ?? names(t.nas);
  const accounts = t.users.size ? [...t.users.names].sort().slice(0, 3).join(', ') : '?';
  const more = t.users.size > 3 ? ` (+${t.users.size - 3})` : '';
  const sources = t.endpoints.size ? [...t.endpoints.names].sort().slice(0, 3).join(', ') : '?';
  return {
    rule: 'admin-login',
    scope: 'admin',
    ...key,
    code: codeOf(t),
    tally: t,
    title:
      `admin login failing on ${device}${siteOf(t)}: ${plural(t.weight, 'failure')} as ${accounts}${more} ` +
      `from ${sources}${t.endpoints.size > 3 ? ` (+${t.endpoints.size - 3})` : ''}`,
    evidence: [
      `${plural(t.weight, 'failed administrator login')} (Service-Type Login/Administrative) to ${device} ` +
        `in this poll, as ${plural(t.users.size, 'account')} from ` +
        `${plural(t.endpoints.size, 'source address', 'es')}: ` +
        `"${t.reason}".`,
    ],
    hint:
      "Failed logins to the device's own management (SSH, HTTPS, API) with RADIUS accounts: if the source is not " +
      'one of your admins, block it in the management ACL and check the account; if it is, check their ' +
      'password and the ISE device-administration policy.',
  };
}
