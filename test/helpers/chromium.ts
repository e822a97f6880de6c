// Headless Chromium (Debian's `chromium`), driven through its command line: how wide a mail
// renders at a phone's width, and screenshots for `npm run mail-shots`. No browser automation
// library: one process per page, the page measures itself with a script we add to a copy.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cropPng } from './png-crop';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const CHROMIUM = process.env.CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));

/** Flags that keep a headless run off the network and away from any profile. */
function flags(dir: string, width: number, height: number): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${join(dir, 'profile')}`,
    `--window-size=${width},${height}`,
  ];
}

function chromium(args: string[]): Promise<string> {
  if (!CHROMIUM) throw new Error('chromium is not installed (apt-get install -y chromium)');
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/**
 * Chromium's windows are at least 500 px wide, so a phone's 390 px viewport is an iframe of that
 * width; srcdoc keeps it same-origin, so the host page can measure the mail inside.
 */
function host(html: string, width: number, height: number, probe: boolean): string {
  const srcdoc = html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const script = probe
    ? '<script>document.getElementById("f").addEventListener("load",(e)=>{const d=e.target.contentDocument' +
      '.documentElement;const m=document.createElement("pre");m.id="__measure";m.textContent=d.scrollWidth+" "+' +
      'd.scrollHeight;document.body.appendChild(m)})</script>'
    : '';
  return (
    '<!DOCTYPE html><html><body style="margin:0;background:#fff">' +
    `<iframe id="f" style="display:block;border:0;width:${width}px;height:${height}px" srcdoc="${srcdoc}"></iframe>` +
    `${script}</body></html>`
  );
}

async function inWindow<T>(
  page: string,
  width: number,
  height: number,
  run: (file: string, f: string[]) => Promise<T>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'ise-to-mail-chromium-'));
  try {
    const file = join(dir, 'host.html');
    writeFileSync(file, page);
    return await run(`file://${file}`, flags(dir, Math.max(width, 500), height));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document's scroll width and height when `html` is shown in a viewport `width` px wide. */
export async function measure(html: string, width: number): Promise<{ width: number; height: number }> {
  // A low frame: the document's own height is what is measured.
  return inWindow(host(html, width, 40, true), width, 800, async (url, f) => {
    const dom = await chromium([...f, '--virtual-time-budget=5000', '--dump-dom', url]);
    const m = /<pre id="__measure">(\d+) (\d+)<\/pre>/.exec(dom);
    if (!m) throw new Error(`chromium printed no measurement:\n${dom.slice(0, 500)}`);
    return { width: Number(m[1]), height: Number(m[2]) };
  });
}

/** A PNG of `html` at `width` px, at most `maxHeight` px of its top (cropped: the window may be wider). */
export async function screenshot(html: string, width: number, out: string, maxHeight = 20_000): Promise<void> {
  const height = Math.min(maxHeight, (await measure(html, width)).height);
  await inWindow(host(html, width, height, false), width, height, async (url, f) => {
    await chromium([...f, '--virtual-time-budget=5000', `--screenshot=${out}`, url]);
  });
  writeFileSync(out, cropPng(readFileSync(out), width, 0, height));
}
