// Issue 12, item 7: the built app carries a Content-Security-Policy and runs under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openCite, panelCitation } from './helpers/citations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  // With its service worker, which registers from a module (no inline script to allow).
  reader = await startReader('wide', { serviceWorkers: 'allow' });
  // Record every violation the page reports, from before any script runs.
  await reader.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
});
afterAll(async () => {
  await reader?.close();
});

const violations = () =>
  reader.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('the Content-Security-Policy', () => {
  it('is in index.html, with no unsafe-inline or unsafe-eval, and the headers are sent', async () => {
    const response = await fetch(inject('baseUrl'));
    const html = await response.text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    await reader.openApp();
    await reader.screenshot('content-security-policy-wide');
  });

  it('lets the app run: prerendered text, hydration, lazy chunks, CSS highlights, both workers, the service worker', async () => {
    await reader.openApp('lankov-2007:12');
    // Lazy chunks and CSS highlights: the curated comparisons are loaded and underlined.
    await expect
      .poll(() => reader.page.evaluate(() => CSS.highlights.size), { timeout: 30_000 })
      .toBeGreaterThan(0);
    // The citation worker.
    await openCite(reader, 'lankov-2007:12');
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: 45_000 })
      .toMatch(/Lankov/);
    await reader.pressKey('Escape');
    // The text-parsing worker (a text added to the Library).
    await reader.page.getByTestId('add-text-input').setInputFiles({
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('A first paragraph.\n\nA second one.'),
    });
    await expect
      .poll(() => reader.page.locator('.pane[data-source^="notes-"]').count(), { timeout: 30_000 })
      .toBe(1);
    // The service worker registered and took the page (app/update/register-service-worker.ts).
    await expect
      .poll(() => reader.page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 30_000,
      })
      .toBe(true);
    // Nothing was blocked but zod's probe for eval, which it catches.
    expect((await violations()).filter((v) => !/^script-src eval$/.test(v))).toEqual([]);
  });

  it('blocks an injected inline script', async () => {
    await reader.openApp();
    await reader.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    expect(await reader.page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(
      false,
    );
    expect(await violations()).toContain('script-src-elem inline');
  });
});
