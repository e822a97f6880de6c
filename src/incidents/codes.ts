/**
 * What a reason code says about where the fault is, for the rules that name a cause. Codes and
 * texts as ISE logs them (Cisco ISE troubleshooting, "Authentication failure reasons":
 * https://www.cisco.com/c/en/us/support/security/identity-services-engine/products-tech-notes-list.html).
 */

/**
 * ISE cannot reach or use Active Directory: 24495 "Active Directory servers are not available",
 * 24454 "... failed because of a timeout error", 24444 "Active Directory operation has failed
 * because of an unspecified error in the ISE". One outage shows all three, on every NAS at once.
 */
export const STORE_DOWN: ReadonlySet<string> = new Set(['24495', '24454', '24444']);

/**
 * One user's (or one device's) own account or credential: wrong password, unknown, disabled,
 * expired or locked account, no machine authentication. One failure of these is that user's
 * business, not an incident; many users at once, or guessing from one endpoint, is.
 */
export const USER_LEVEL: ReadonlySet<string> = new Set([
  '22040',
  '22056',
  '22049',
  '24206',
  '24408',
  '24409',
  '24414',
  '24423',
]);

/**
 * Clients refusing ISE's EAP certificate (PEAP, EAP-TLS, an empty TLS message), and what such
 * clients show next: they stop answering. While an incident about the first is open, a rise of
 * the second is the same outage.
 */
export const SERVER_CERT: ReadonlySet<string> = new Set(['12321', '12520', '11514']);
export const SUPPLICANT_SILENT: ReadonlySet<string> = new Set(['5411', '12934', '12935']);

/** Credential codes a password-guessing endpoint produces: wrong password, unknown user. */
export const GUESSING: ReadonlySet<string> = new Set(['22040', '22056', '24408', '24409', '24414', '24206']);

export const storeDown = (e: { code: string }) => STORE_DOWN.has(e.code);
