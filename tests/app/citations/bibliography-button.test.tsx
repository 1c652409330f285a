import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BibliographyButton } from '../../../app/citations/bibliography-button.tsx';
import type { Citations } from '../../../app/citations/use-citations.ts';

describe('BibliographyButton', () => {
  it('says the dialog lists every text, the reader’s own included, not “both sources”', () => {
    const html = renderToStaticMarkup(
      <BibliographyButton citations={{ setBibliographyOpen: () => {} } as unknown as Citations} />,
    );
    const title = /title="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(title).not.toMatch(/both/i);
    expect(title).toMatch(/your own texts/);
    expect(title).toMatch(/BibTeX, RIS or CSL-JSON/);
  });
});
