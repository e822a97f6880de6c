import type { ErrorKind } from '../core/errors';

/** What broke, in a few words: the PROBLEM and RECOVERED subjects and first lines. */
const HEADLINE: Record<ErrorKind, string> = {
  'account-disabled': 'pxGrid account DISABLED on ISE',
  'account-pending': 'pxGrid account PENDING approval on ISE',
  account: 'pxGrid account refused by ISE',
  'ise-tls': 'TLS trust to ISE failed',
  'ise-timeout': 'ISE does not answer in time',
  'ise-unreachable': 'cannot reach ISE',
  'ise-protocol': 'ISE pxGrid answers with errors',
  mail: 'cannot deliver mail',
  'mail-content': 'the mail server refuses the alert mail for its content',
  usage: 'configuration or state error',
  state: 'configuration or state error',
  locked: 'another run holds the lock',
  'lock-stuck': 'a run is stuck holding the lock',
  sighup: 'runs are stopped before they finish (SIGHUP)',
  sigint: 'runs are stopped before they finish (SIGINT)',
  sigterm: 'runs are stopped before they finish (SIGTERM)',
  internal: 'internal error',
};

export const headline = (kind: ErrorKind): string => HEADLINE[kind];
