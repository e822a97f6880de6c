// Fails on a source line longer than 120 characters (the formatter wraps code, but not the text
// inside a string). Usage: node scripts/check-lines.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX = 120;
/** A regular expression literal or a URL cannot be split without changing what it means. */
const EXEMPT = /^\s*\/\^.*\/[a-z]*,?$|https?:\/\/\S{40,}/;
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src', 'test', 'scripts'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\.(ts|mjs|js)$/.test(f));
let long = 0;
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.length <= MAX || EXEMPT.test(line)) return;
      long++;
      console.error(`${file}:${i + 1}: ${line.length} characters (max ${MAX})`);
    });
}
if (long) {
  console.error(`check-lines: ${long} line(s) over ${MAX} characters: split the string or the comment`);
  process.exit(1);
}
console.log(`check-lines: ${files.length} files, no line over ${MAX} characters`);
