// The web app manifest, the service worker's options and the cache headers (issue 13,
// "Offline, truly"; app/build/pwa-options.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  NETWORK_ONLY_PATHS,
  PNG_ICONS,
  pwaOptions,
  THEME_COLOR,
} from '../../app/build/pwa-options.ts';

const PUBLIC = new URL('../../app/public/', import.meta.url);
const options = pwaOptions();
const manifest = options.manifest === false ? undefined : options.manifest;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: URL): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('the web app manifest', () => {
  it('names the app and its colours, and opens standalone at the reader', () => {
    expect(manifest).toMatchObject({
      name: 'Diptych',
      short_name: 'Diptych',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
    });
    const html = readFileSync(new URL('../../app/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${THEME_COLOR}" />`);
  });

  it('lists icons that exist, each the size it claims, including a 512 px maskable one', () => {
    const icons = manifest?.icons ?? [];
    expect(icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
    expect(icons.some((i) => i.type === 'image/svg+xml')).toBe(true);
    for (const icon of icons) {
      const file = new URL(icon.src, PUBLIC);
      if (icon.type === 'image/svg+xml') {
        expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
        continue;
      }
      const [w, h] = icon.sizes!.split('x').map(Number);
      expect(pngSize(file), icon.src).toEqual({ width: w, height: h });
    }
    for (const png of PNG_ICONS)
      expect(pngSize(new URL(`icons/${png.file}`, PUBLIC))).toEqual({
        width: png.size,
        height: png.size,
      });
  });
});

describe('the service worker', () => {
  it('offers updates (prompt), never reloads by itself', () => {
    expect(options.registerType).toBe('prompt');
    expect(options.workbox?.skipWaiting).toBe(false);
    expect(options.injectRegister).toBe(false);
    expect(options.devOptions?.enabled).toBe(false);
  });

  it('precaches every script, style, page, font and data file (the word vectors), and caches nothing at run time', () => {
    expect(options.workbox?.globPatterns).toEqual(['**/*.{html,js,css,woff2,json}']);
    expect(options.workbox?.runtimeCaching).toEqual([]);
  });

  it('leaves the sync API to the network', () => {
    const denied = (path: string) => NETWORK_ONLY_PATHS.some((re) => re.test(path));
    expect(options.workbox?.navigateFallbackDenylist).toEqual(NETWORK_ONLY_PATHS);
    for (const path of ['/couch', '/couch/', '/couch/_session', '/couch/userdb-616e61/_changes'])
      expect(denied(path), path).toBe(true);
    for (const path of ['/', '/index.html', '/assets/index-abc.js', '/couchette'])
      expect(denied(path), path).toBe(false);
  });
});

describe('cacheControlFor', () => {
  it('keeps hashed assets for a year and makes everything else revalidate', () => {
    expect(cacheControlFor('assets/index-Bx1.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/citer-worker-9a.js')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const file of ['sw.js', 'index.html', 'manifest.webmanifest', 'icons/icon-192.png'])
      expect(cacheControlFor(file), file).toBe('no-cache');
  });
});
