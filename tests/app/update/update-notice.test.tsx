// The update offer as the reader sees it: a toast of its own in the notice region, with Reload
// and Later, beside (not instead of) a passing message.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OFFER_MESSAGES } from '../../../app/update/use-app-update.ts';
import { Notice } from '../../../app/views/notice.tsx';

const noop = () => undefined;
const offer = {
  message: OFFER_MESSAGES['new-version'],
  action: 'Reload',
  onAction: noop,
  onLater: noop,
};

describe('the update offer in the notice region', () => {
  it('shows the offer with Reload and Later inside the live region', () => {
    const html = renderToStaticMarkup(<Notice message={null} onDismiss={noop} offer={offer} />);
    expect(html).toMatch(/^<div class="notice-region" role="status" aria-live="polite">/);
    expect(html).toContain('A new version of Diptych is ready.');
    expect([...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1])).toEqual([
      'Reload',
      'Later',
    ]);
  });

  it('keeps the offer when a message comes, above it', () => {
    const html = renderToStaticMarkup(
      <Notice message="Link to lankov-2007:12 copied." onDismiss={noop} offer={offer} />,
    );
    expect(html.indexOf('A new version')).toBeLessThan(html.indexOf('Link to lankov-2007:12'));
    expect(html).toContain('Dismiss');
  });

  it('shows nothing of it without an offer', () => {
    const html = renderToStaticMarkup(<Notice message={null} onDismiss={noop} />);
    expect(html).toBe('<div class="notice-region" role="status" aria-live="polite"></div>');
  });
});
