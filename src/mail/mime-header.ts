/**
 * Header field values of the mail (RFC 5322, RFC 2047): display names and unstructured text as
 * they are when plain ASCII allows, RFC 2047 encoded words otherwise, folded within 78 characters.
 */
const CRLF = '\r\n';

const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/**
 * Text a mail reader would decode (RFC 2047): written as it is, it would let a user name chosen by
 * whoever plugs into a port smuggle any Unicode past clean(). Such text is itself encoded.
 */
const LOOKS_ENCODED = /=\?/;

/** A display name as RFC 5322 allows it: atoms as they are, quoted when needed, encoded if not ASCII. */
export function phrase(name: string): string {
  if (LOOKS_ENCODED.test(name)) return encodedWords(name);
  if (ATOM_PHRASE.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/[\\"]/g, '\\$&')}"`;
  return encodedWords(name);
}

/** An unstructured header value: ASCII folded at spaces within 78 characters, anything else encoded. */
export function headerText(value: string, used: number): string {
  if (!/^[\x20-\x7e]*$/.test(value) || LOOKS_ENCODED.test(value)) return encodedWords(value);
  let line = used;
  return value
    .split(' ')
    .map((word, i) => {
      if (i === 0) {
        line += word.length;
        return word;
      }
      const fold = line + 1 + word.length > 78 && line > 1;
      line = fold ? 1 + word.length : line + 1 + word.length;
      return fold ? `${CRLF} ${word}` : ` ${word}`;
    })
    .join('');
}

/**
 * RFC 2047 "B" encoded words, split between whole characters and folded one per line: 30 UTF-8
 * bytes make 40 base64 characters, so each word (52 characters) fits a line after any field name.
 */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 30) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}
