import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The user's guide is navigated by its links (contents, "see step 4"): each relative link must
// name a file that exists and, with `#anchor`, a heading of that file.
const ROOT = resolve(__dirname, '../..');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'eem/README.md', 'docs/architecture.md', 'docs/benchmarks.md'];

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
      expect(local.length).toBeGreaterThan(0);
      for (const link of local) {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path ? resolve(dirname(file), path) : file;
        expect(existsSync(target), `${doc}: ${link}`).toBe(true);
        if (anchor && target.endsWith('.md')) expect(anchors(target), `${doc}: ${link}`).toContain(anchor);
      }
    });
  }

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
