/**
 * Renders the app's PNG icons from `app/public/icons/icon.svg` with the
 * project's headless Chromium (the one the browser tests use), so that the
 * PNGs are exactly the SVG and no image library or download is needed. Its
 * output is committed; run it again after editing the SVG:
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The web app manifest (`app/build/pwa-options.ts`) lists the SVG and these
 * PNGs; `tests/app/pwa-options.test.ts` checks that every listed file
 * exists with the size it claims.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { PNG_ICONS } from '../app/build/pwa-options.ts';

const DIR = new URL('../app/public/icons/', import.meta.url);

const svg = readFileSync(new URL('icon.svg', DIR), 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const icon of PNG_ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<style>html,body{margin:0}img{display:block;width:100vw;height:100vh}</style>` +
        `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ type: 'png', omitBackground: false });
    const out = fileURLToPath(new URL(icon.file, DIR));
    writeFileSync(out, png);
    console.log(`${out}: ${icon.size}×${icon.size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
