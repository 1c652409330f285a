import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  noteText,
  parseNoteMarkdown,
  safeLinkUrl,
  type NoteNode,
} from '../../../annotations/model/note-markdown.ts';
import { scaled } from '../../slowdown.ts';

/** Every node of a parsed note, depth first. */
function walk(nodes: readonly NoteNode[]): NoteNode[] {
  return nodes.flatMap((n) =>
    'children' in n ? [n, ...walk(n.children as readonly NoteNode[])] : [n],
  );
}

const ALLOWED_KEYS: Readonly<Record<string, readonly string[]>> = {
  paragraph: ['type', 'children'],
  list: ['type', 'ordered', 'start', 'children'],
  listItem: ['type', 'children'],
  emphasis: ['type', 'children'],
  strong: ['type', 'children'],
  link: ['type', 'url', 'children'],
  inlineCode: ['type', 'value'],
  text: ['type', 'value'],
};

/** The safety invariants of any parsed note. */
function expectSafe(nodes: readonly NoteNode[]): void {
  for (const node of walk(nodes)) {
    const allowed = ALLOWED_KEYS[node.type];
    expect(allowed, `node type ${node.type}`).toBeDefined();
    for (const key of Object.keys(node)) expect(allowed).toContain(key);
    if (node.type === 'link') expect(node.url).toMatch(/^(https?:\/\/[^/]|mailto:)/);
  }
}

/** Known XSS payloads: each must come out with no link and with its dangerous part as literal text (or dropped as a link target). */
const PAYLOADS: readonly { readonly input: string; readonly text: string }[] = [
  { input: '<script>alert(1)</script>', text: '<script>alert(1)</script>' },
  { input: '<img src=x onerror=alert(1)>', text: '<img src=x onerror=alert(1)>' },
  {
    input: '<svg onload=alert(1)><circle r=1 /></svg>',
    text: '<svg onload=alert(1)><circle r=1 /></svg>',
  },
  { input: '<svg><script>alert(1)</script></svg>', text: '<svg><script>alert(1)</script></svg>' },
  {
    input: '<a href="javascript:alert(1)">click</a>',
    text: '<a href="javascript:alert(1)">click</a>',
  },
  { input: 'hi <b onmouseover="alert(1)">bold</b>', text: 'hi <b onmouseover="alert(1)">bold</b>' },
  {
    input: '<iframe src="javascript:alert(1)"></iframe>',
    text: '<iframe src="javascript:alert(1)"></iframe>',
  },
  { input: '[x](javascript:alert(1))', text: 'x' },
  { input: '[x](JaVaScRiPt:alert(1))', text: 'x' },
  { input: '[x]( javascript:alert(1) )', text: 'x' },
  { input: '[x](&#106;avascript:alert(1))', text: 'x' },
  { input: '[x](&#x6A;avascript&#58;alert(1))', text: 'x' },
  { input: '[x](vbscript:msgbox(1))', text: 'x' },
  { input: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', text: 'x' },
  { input: '[x](file:///etc/passwd)', text: 'x' },
  { input: '[x](//evil.example/)', text: 'x' },
  { input: '[x](/relative/path)', text: 'x' },
  { input: '<javascript:alert(1)>', text: 'javascript:alert(1)' },
  { input: '[x][r]\n\n[r]: javascript:alert(1)', text: '[x][r]' },
  { input: '![x](javascript:alert(1))', text: '![x](javascript:alert(1))' },
  {
    input: '[<img src=x onerror=alert(1)>](https://example.org)',
    text: '<img src=x onerror=alert(1)>',
  },
];

describe('parseNoteMarkdown', () => {
  it('keeps the light Markdown a note may use', () => {
    expect(
      parseNoteMarkdown('A *b* **c** `d` [e](https://example.org/x)\n\n- f\n- g\n\n3. h'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'A ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'b' }] },
          { type: 'text', value: ' ' },
          { type: 'strong', children: [{ type: 'text', value: 'c' }] },
          { type: 'text', value: ' ' },
          { type: 'inlineCode', value: 'd' },
          { type: 'text', value: ' ' },
          { type: 'link', url: 'https://example.org/x', children: [{ type: 'text', value: 'e' }] },
        ],
      },
      {
        type: 'list',
        ordered: false,
        children: [
          {
            type: 'listItem',
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'f' }] }],
          },
          {
            type: 'listItem',
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'g' }] }],
          },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        children: [
          {
            type: 'listItem',
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'h' }] }],
          },
        ],
      },
    ]);
  });

  it('keeps a mailto link and a reference link to https', () => {
    const nodes = walk(
      parseNoteMarkdown('[m](mailto:reader@example.org) [r][d]\n\n[d]: https://example.org/d'),
    );
    expect(nodes.filter((n) => n.type === 'link').map((n) => (n as { url: string }).url)).toEqual([
      'mailto:reader@example.org',
      'https://example.org/d',
    ]);
  });

  it('keeps what it does not render as the literal text the reader typed', () => {
    expect(noteText(parseNoteMarkdown('# Title\n\n> quoted\n\n---\n\n```\ncode\n```'))).toBe(
      '# Title > quoted --- ``` code ```',
    );
  });

  it('an empty note is no blocks', () => {
    expect(parseNoteMarkdown('')).toEqual([]);
    expect(parseNoteMarkdown('  \n\n ')).toEqual([]);
  });
});

describe('parseNoteMarkdown: when a note attacks (XSS payloads)', () => {
  it.each(PAYLOADS)('$input is inert', ({ input, text }) => {
    const nodes = parseNoteMarkdown(input);
    expectSafe(nodes);
    expect(
      walk(nodes).filter((n) => n.type === 'link' && !n.url.startsWith('https://example.org')),
    ).toEqual([]);
    expect(noteText(nodes)).toBe(text);
  });

  it(
    'never throws and always yields safe nodes, for any string (fast-check)',
    () => {
      const markdownish = fc.stringMatching(/^[\s\S]{0,80}$/).map((s) => s);
      const pieces = fc.array(
        fc.oneof(
          markdownish,
          fc.constantFrom(
            '[',
            ']',
            '(',
            ')',
            '<',
            '>',
            '*',
            '_',
            '`',
            '\n',
            '- ',
            '1. ',
            'javascript:',
            '&#106;',
            'https://example.org',
            '![',
            '[r]: ',
          ),
        ),
        { maxLength: 30 },
      );
      fc.assert(
        fc.property(pieces, (parts) => {
          const input = parts.join('');
          const once = parseNoteMarkdown(input);
          expectSafe(once);
          expect(parseNoteMarkdown(input)).toEqual(once);
        }),
        { numRuns: 300 },
      );
    },
    scaled(30_000),
  );
});

describe('safeLinkUrl', () => {
  it('allows http, https and mailto', () => {
    expect(safeLinkUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeLinkUrl('HTTP://EXAMPLE.ORG')).toBe('http://example.org/');
    expect(safeLinkUrl('mailto:reader@example.org')).toBe('mailto:reader@example.org');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,hi',
    'vbscript:x',
    'file:///etc/passwd',
    '//example.org',
    '/path',
    'example.org',
    'http://',
    '',
  ])('refuses %j', (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});
