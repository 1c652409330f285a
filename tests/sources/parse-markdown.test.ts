import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { builtinText } from '../../sources/builtin.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { chunkStarts, parseMarkdown } from '../../sources/parse-markdown.ts';

const whole = (text: string) => unified().use(remarkParse).parse(text);
const both = BUILTIN_SOURCES.map((m) => builtinText(m)).join('\n\n');

describe('parseMarkdown', () => {
  it('parses short texts in one piece, exactly as remark-parse', () => {
    expect(chunkStarts(both)).toEqual([0]);
    expect(parseMarkdown(both)).toEqual(whole(both));
  });

  it('gives the same tree, positions included, when a long text is chunked', () => {
    const long = Array.from({ length: 12 }, () => both).join('\n\n');
    expect(chunkStarts(long).length).toBeGreaterThan(1);
    expect(parseMarkdown(long)).toEqual(whole(long));
  });

  it('does not chunk a text with a fenced code block or a reference definition', () => {
    const fenced = `${'Para.\n\n'.repeat(40000)}\`\`\`\ncode\n\n\ncode\n\`\`\`\n`;
    expect(chunkStarts(fenced)).toEqual([0]);
    expect(chunkStarts(`[a]: http://x.org\n\n${'Para.\n\n'.repeat(40000)}`)).toEqual([0]);
  });
});
