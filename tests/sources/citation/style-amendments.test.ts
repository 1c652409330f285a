// The amendments to official styles apply exactly where they were written for, and fail loudly
// when a newer official file no longer has the text they replace.
import { describe, expect, it } from 'vitest';
import { amendStyle } from '../../../sources/citation/style-amendments.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { STYLES } from '../../../sources/citation/styles.ts';

describe('amendStyle', () => {
  it('changes Chicago 17 author-date in one place, with a has-year-only test, and no other style', async () => {
    for (const style of STYLES) {
      const xml = await nodeCslLoader(style.file);
      const amended = amendStyle(style.id, xml);
      if (style.id !== 'chicago-author-date-17') {
        expect(amended, style.id).toBe(xml);
        continue;
      }
      expect(amended).not.toBe(xml);
      expect(amended.match(/has-year-only="issued"/g)).toHaveLength(1);
      // Everything else is the official file.
      expect(amended.length - xml.length).toBeLessThan(400);
    }
  });

  describe('when it fails', () => {
    it('throws, naming the amendment, when the official text it replaces is missing', () => {
      expect(() => amendStyle('chicago-author-date-17', '<style/>')).toThrow(
        /style amendment “Chicago 17 author-date: .*” no longer matches/,
      );
    });
  });
});
