import { reasonCode } from '../pxgrid/reason';

/**
 * Remediation hints for the ISE failure reasons an on-call engineer meets most. The code is the
 * number that starts `failureReason` ("22040 Wrong password or invalid shared secret"). Each hint
 * is one line, likely cause then fix, written by us from Cisco's public ISE troubleshooting
 * material (https://www.cisco.com/c/en/us/support/security/identity-services-engine/products-tech-notes-list.html).
 * `short` is the few words the subject line has room for.
 */
export interface Hint {
  short: string;
  hint: string;
  /** The likely cause as a question, for an incident's subject (`11036 (RADIUS shared secret?)`). */
  cause?: string;
}

const CATALOG: Record<string, Hint> = {
  '5411': {
    short: 'Supplicant stopped responding',
    hint:
      'The client never finished EAP: it often does not trust the ISE EAP certificate, the user cancelled ' +
      'the prompt, or large EAP-TLS packets are dropped (MTU). Check the supplicant profile and the ISE ' +
      'certificate chain on the client.',
  },
  '5440': {
    short: 'EAP session abandoned',
    hint:
      'The client dropped the EAP exchange and started over: harmless when a success follows; if it repeats, ' +
      'look at supplicant timeouts, roaming, or a slow identity store.',
  },
  '11007': {
    short: 'Unknown network device',
    cause: 'NAS not in ISE?',
    hint:
      'ISE does not know the NAS that sent the request: add it under Network Devices with the IP the RADIUS ' +
      'packets come from (check the source interface on the switch).',
  },
  '11036': {
    short: 'Bad Message-Authenticator',
    cause: 'RADIUS shared secret?',
    hint: 'The RADIUS shared secret on the NAS does not match the one ISE has for it: set the same key on both sides.',
  },
  '11514': {
    short: 'Client rejected TLS',
    cause: 'ISE EAP certificate?',
    hint:
      'The supplicant ended the TLS tunnel without a word: usually it does not trust the ISE EAP ' +
      'certificate. Deploy the issuing CA to clients or fix their server-validation settings.',
  },
  '12308': {
    short: 'Client reported failure',
    hint:
      'The supplicant itself signalled failure inside the tunnel: check the client event log for the reason ' +
      '(often certificate trust or a credential prompt it could not answer).',
  },
  '12321': {
    short: 'Client rejected ISE certificate',
    cause: 'ISE EAP certificate?',
    hint:
      'PEAP clients refuse the ISE EAP certificate: renewed or replaced certificate, or its CA missing on ' +
      'clients. Deploy the CA (e.g. by GPO/MDM) and check the server name the profile expects.',
  },
  '12514': {
    short: 'Unknown CA in client cert',
    cause: 'client CA not trusted?',
    hint:
      'The client certificate chains to a CA ISE does not trust for client auth: import the root/issuing CA ' +
      'into Trusted Certificates with "Trust for client authentication".',
  },
  '12520': {
    short: 'Client rejected ISE certificate',
    cause: 'ISE EAP certificate?',
    hint:
      'EAP-TLS clients refuse the ISE EAP certificate: deploy its CA to the clients and check the server ' +
      'name in their wireless/wired profile.',
  },
  '12934': {
    short: 'Supplicant silent in PEAP',
    hint:
      'The client stopped answering while the PEAP tunnel was set up: typically certificate trust on the ' +
      'client or a hidden credential prompt.',
  },
  '12935': {
    short: 'Supplicant silent in EAP-TLS',
    hint:
      'The client stopped answering during the certificate exchange: large chains fragment and get dropped ' +
      '(check MTU/fragmentation on the path) or the client rejects the ISE certificate.',
  },
  '15024': {
    short: 'PAP not allowed',
    cause: 'allowed protocols?',
    hint:
      'The Allowed Protocols of the matching policy set do not permit PAP (MAB uses it for Process Host ' +
      'Lookup): enable it there or fix the policy-set condition.',
  },
  '15039': {
    short: 'Rejected per authorization',
    cause: 'authorization policy?',
    hint:
      'Authentication worked but the authorization rule that matched returns DenyAccess (often the default ' +
      'rule): check rule order and conditions for this user or device.',
  },
  '22040': {
    short: 'Wrong password',
    cause: 'password or shared secret?',
    hint:
      'Wrong password for an internal user, or (with PAP) a RADIUS shared-secret mismatch that garbles the ' +
      'password: check the user, then the key on the NAS.',
  },
  '22044': {
    short: 'Cert auth expected',
    hint:
      'The identity source of the matching authentication rule expects certificates but the client sent a ' +
      'password: fix the client profile or the authentication rule.',
  },
  '22045': {
    short: 'Password auth expected',
    hint:
      'The identity source of the matching authentication rule expects passwords but the client sent a ' +
      'certificate: point the rule at a certificate authentication profile.',
  },
  '22049': {
    short: 'Certificate mismatch',
    hint:
      'The client certificate differs from the one stored for this user in the directory (binary comparison ' +
      'is on): re-enrol the client or update the stored certificate.',
  },
  '22056': {
    short: 'User not found',
    cause: 'unknown user or MAC?',
    hint:
      'The user or MAC is in none of the identity stores tried: check the username format (domain prefix or ' +
      'suffix), the identity source sequence, and for MAB whether the endpoint is registered.',
  },
  '24206': {
    short: 'User disabled',
    cause: 'disabled user?',
    hint: 'The internal user account is disabled in ISE: re-enable it, or remove the device that keeps trying it.',
  },
  '24408': {
    short: 'Wrong AD password',
    cause: 'stale saved password?',
    hint:
      'Active Directory rejected the password: often an old password saved on a phone or laptop after a ' +
      'change, which can also lock the account. Have the user update the saved credential.',
  },
  '24409': {
    short: 'AD account disabled',
    hint:
      'The Active Directory account is disabled: a leaver, or an account disabled by mistake. Remove the ' +
      'device that keeps trying it, or re-enable the account.',
  },
  '24414': {
    short: 'AD account expired',
    hint: 'The Active Directory account has expired: extend it in AD, or remove the device that keeps trying it.',
  },
  '24444': {
    short: 'AD operation failed in ISE',
    cause: 'AD unreachable?',
    hint:
      "ISE could not complete the Active Directory call: check the AD join point's status on the PSN and the " +
      'domain controllers it reaches.',
  },
  '24454': {
    short: 'AD timeout',
    cause: 'AD unreachable?',
    hint:
      'Active Directory did not answer ISE in time: check the domain controllers the PSN uses (reachability, ' +
      'load, DNS, time).',
  },
  '24495': {
    short: 'AD servers not available',
    cause: 'AD unreachable?',
    hint:
      'ISE reaches no Active Directory domain controller: check the AD join point on the PSN, then DNS, ' +
      'routing and firewall from the PSN to the DCs.',
  },
  '24423': {
    short: 'No machine auth seen',
    hint:
      'Machine Access Restriction: ISE has no record of a recent successful machine authentication for this ' +
      'computer. Check the computer authenticates first (machine credentials in the supplicant).',
  },
};

export function hintFor(reason: string): Hint | undefined {
  const code = reasonCode(reason);
  return code === undefined ? undefined : CATALOG[code];
}

/** Codes in the catalog, for documentation and tests. */
export const HINT_CODES: readonly string[] = Object.keys(CATALOG);
