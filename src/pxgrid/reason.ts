/** The leading reason code of a `failureReason` (`24408 User not found ...`), or undefined when it has none. */
export function reasonCode(reason: string): string | undefined {
  return /^\s*(\d{3,6})\b/.exec(reason)?.[1];
}
