/**
 * The built app's Content-Security-Policy (issue 12, item 7), as defence in
 * depth: user text is never inserted as HTML, and if that ever failed, an
 * injected script still could not run.
 *
 * Two parts, because a `<meta>` policy cannot say everything:
 *
 * - `withContentSecurityPolicy` writes a `<meta http-equiv>` policy into the
 *   built `index.html`, so the app is protected on any static host. Scripts
 *   and styles come only from the app's origin, plus the page's two inline
 *   elements — the boot script and the inlined stylesheet
 *   (`deferEntry` in `editions-plugin.ts`) — allowed by their SHA-256
 *   hashes, computed here from the final HTML. No `unsafe-inline`, no
 *   `unsafe-eval`: zod probes `new Function` once, catches the refusal and
 *   validates without it (`allowsEval` in zod's core); the probe shows up as
 *   one reported violation, nothing more.
 * - `SECURITY_HEADERS` are the response headers a host should add:
 *   `frame-ancestors` (ignored in a `<meta>`), `nosniff` and a
 *   `Referrer-Policy`. `npm start` (vite preview) and the test server send
 *   them; the README lists them for other hosts. Several policies are all
 *   enforced, so the header's policy only adds to the `<meta>` one.
 */
import { createHash } from 'node:crypto';

/** Response headers a static host should send with every file of the app. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const hash = (source: string): string =>
  `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** The `<meta>` policy for a page whose inline scripts and styles are these. */
export function contentSecurityPolicy(
  inlineScripts: readonly string[],
  inlineStyles: readonly string[],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(hash).join(' ')}`.trim(),
    `style-src 'self' ${inlineStyles.map(hash).join(' ')}`.trim(),
    // The icons are the app's own files (app/public/icons); `data:` for images the app draws.
    "img-src 'self' data:",
    "worker-src 'self'",
    // Sync (issue 13) talks to the server the reader names: this origin, a local one, or https.
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Adds the `<meta>` policy to `html`, right after `<meta charset>`, hashing
 * every inline `<script>` and `<style>` in it. Throws if the page has no
 * `<meta charset>` (the policy must come before any script or style).
 */
export function withContentSecurityPolicy(html: string): string {
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1]!,
  );
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html))
    throw new Error('diptych-csp: index.html has no <meta charset> to put the policy after');
  const policy = contentSecurityPolicy(scripts, styles).replace(/"/g, '&quot;');
  return html.replace(
    charset,
    (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
}
