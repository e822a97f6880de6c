import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The user's guide is navigated by its links (contents, "see step 4"): each relative link must
// name a file that exists and, with `#anchor`, a heading of that file. The README is the front page:
// every page of docs/ must be reachable from it.
const ROOT = resolve(__dirname, '../..');
const PAGES = readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'eem/README.md', ...PAGES];
const GENERATED = 'docs/configuration.md';

/** Markdown without fenced code blocks, where `](` and `#` mean nothing. */
const prose = (file: string) => readFileSync(file, 'utf8').replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to `-`. */
function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor of a file's headings; a repeated heading gets `-1`, `-2`… */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of prose(file).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = slugOf(heading!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

describe('documentation links', () => {
  for (const doc of DOCS) {
    it(`${doc}: every relative link and anchor resolves`, () => {
      const file = join(ROOT, doc);
      const links = [...prose(file).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
      const local = links.filter((l) => !/^[a-z]+:/.test(l));
      // Each page links where the rest lives; the configuration reference is generated from the settings table.
      if (doc !== GENERATED) expect(local.length, doc).toBeGreaterThan(0);
      for (const link of local) {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path ? resolve(dirname(file), path) : file;
        expect(existsSync(target), `${doc}: ${link}`).toBe(true);
        if (anchor && target.endsWith('.md')) expect(anchors(target), `${doc}: ${link}`).toContain(anchor);
      }
    });
  }

  it('the README links every page of docs/, and stays a front page (at most 16 KB)', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(8);
    const links = new Set([...prose(join(ROOT, 'README.md')).matchAll(/\]\(([^)#\s]+)/g)].map((m) => m[1]));
    for (const page of PAGES) expect(links, page).toContain(page);
    expect(readFileSync(join(ROOT, 'README.md')).length).toBeLessThanOrEqual(16 * 1024);
  });

  it('documents settings in one place: only docs/configuration.md has table rows that start with one', () => {
    // A setting's name: upper case with an underscore (ISE_HOST), or one of the two without.
    const settingRow = /^\| `(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|HEARTBEAT|INCIDENTS)`.*$/gm;
    for (const doc of DOCS.filter((d) => d !== GENERATED)) {
      const rows = prose(join(ROOT, doc)).match(settingRow) ?? [];
      expect(rows, doc).toEqual([]);
    }
  });

  it('the README has a table of contents that links every section', () => {
    const readme = join(ROOT, 'README.md');
    const contents = prose(readme)
      .split(/^## /m)
      .find((s) => s.startsWith('Contents'));
    expect(contents).toBeDefined();
    const listed = new Set([...contents!.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]));
    const sections = [...prose(readme).matchAll(/^## (.+)$/gm)].map((m) => m[1]!).filter((h) => h !== 'Contents');
    for (const h of sections) expect(listed, h).toContain(slugOf(h));
  });
});
