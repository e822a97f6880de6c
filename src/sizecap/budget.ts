/**
 * Size arithmetic for the mail cap (MAIL_MAX_BYTES, or the server's smaller SIZE). Pure functions,
 * so the attachment module and the sender agree on what fits.
 *
 * An attachment travels base64-encoded (RFC 2045 §6.8): 3 bytes become 4 characters, in lines of
 * at most 76 characters, each ended by CRLF. So 57 raw bytes take 78 bytes on the wire.
 */
import { base64WireBytes } from '../mail/mime';

const RAW_PER_LINE = 57;
const WIRE_PER_LINE = 78;

export { base64WireBytes };

/** The most raw bytes whose base64 form fits in `wire` bytes (0 when nothing fits). */
export function rawBytesFitting(wire: number): number {
  if (wire <= 0) return 0;
  let raw = Math.floor(wire / WIRE_PER_LINE) * RAW_PER_LINE + Math.floor(((wire % WIRE_PER_LINE) - 2) / 4) * 3;
  raw = Math.max(0, raw);
  while (raw > 0 && base64WireBytes(raw) > wire) raw--;
  while (base64WireBytes(raw + 1) <= wire) raw++;
  return raw;
}

/** Room kept for the attachment's own MIME headers (Content-Type, -Disposition, boundary). */
export const ATTACHMENT_MIME_OVERHEAD = 400;

/**
 * The raw (gzip) bytes the attachment may take so the whole message stays within `limit`, given
 * `rest`: the bytes of everything else in the message as composed (headers, text, HTML parts).
 */
export function attachmentBudget(limit: number, rest: number): number {
  return rawBytesFitting(limit - rest - ATTACHMENT_MIME_OVERHEAD);
}
