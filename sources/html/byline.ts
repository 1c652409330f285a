/**
 * Keeps a saved page's byline out of its numbered text. A byline ("By Jane
 * Doe", "Jane Doe, Staff writer") is metadata — the record's authors — and
 * numbered as ¶1 it shifts every pinpoint citation and address by one.
 *
 * Readability removes the first byline element it meets only while the page
 * has no author metadata (`!this._metadata.byline` in `_grabArticle`,
 * @mozilla/readability 0.6): a page with `<meta name="author">` keeps its
 * byline paragraph. So the element is taken out here, before Readability
 * runs, whatever the metadata says (`takeBylineElement`); and a leading
 * paragraph with no byline markup whose text is only the byline the page
 * states is dropped from the article (`dropLeadingByline`).
 *
 * Conservative on purpose: a paragraph that merely mentions the author
 * ("Jane Doe, who reported from Rason, found…") is text and stays; only a
 * short line that is the byline, not a sentence about its author, goes.
 *
 * Not for: guessing authors from prose, or splitting a byline into names
 * (`import-text.ts` keeps the byline as written).
 */

/** Readability's test for a byline element's class or id (`REGEXPS.byline`). */
const BYLINE_MARKUP = /byline|author|dateline|writtenby|p-author/i;
/** Readability's limit: a byline element holds fewer characters than this. */
const MAX_BYLINE_LENGTH = 100;
/** What may stand around the name in a byline's block ("By", "Written by", punctuation). */
const BYLINE_FILLER = /^[\s\p{P}]*(?:(?:written\s+)?by)?[\s\p{P}]*$/iu;

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Whether an element is marked up as a byline (Readability's `_isValidByline`, plus `<address>`). */
function isBylineElement(el: Element): boolean {
  const length = squash(el.textContent).length;
  if (length === 0 || length >= MAX_BYLINE_LENGTH) return false;
  return (
    el.tagName === 'ADDRESS' ||
    el.getAttribute('rel') === 'author' ||
    (el.getAttribute('itemprop') ?? '').includes('author') ||
    BYLINE_MARKUP.test(`${el.getAttribute('class') ?? ''} ${el.id}`)
  );
}

/**
 * Removes the page's first byline element (with the block around it when
 * that block holds nothing else but "By" and punctuation) and returns its
 * text, as Readability would without author metadata; `undefined` if the
 * page has none. Mutates `document`.
 */
export function takeBylineElement(document: Document): string | undefined {
  const found = [...document.querySelectorAll('body *')].find(isBylineElement);
  if (!found) return undefined;
  const text = squash((found.querySelector('[itemprop*="name"]') ?? found).textContent);
  let target: Element = found;
  for (let up = target.parentElement; up && up.tagName !== 'BODY'; up = up.parentElement) {
    if (!BYLINE_FILLER.test(squash(up.textContent).replace(squash(target.textContent), ''))) break;
    target = up;
  }
  target.remove();
  return text;
}

/**
 * Whether `text` (one paragraph) is only the byline `byline` (as the page's
 * metadata states it): the byline itself, "By" and the name, or the name and
 * a title after a comma, bar or dash ("Jane Doe, Staff writer"), short and
 * not a sentence.
 */
export function isBylineText(text: string, byline: string): boolean {
  const t = squash(text);
  const name = squash(byline).replace(/^by\s+/i, '');
  if (name === '' || t.length >= MAX_BYLINE_LENGTH || /[.!?]$/.test(t)) return false;
  const lower = t.toLowerCase();
  const who = name.toLowerCase();
  const rest = lower.startsWith(who)
    ? lower.slice(who.length)
    : /^(?:written\s+)?by\s+/.test(lower)
      ? lower.replace(/^(?:written\s+)?by\s+/, '').startsWith(who)
        ? ''
        : null
      : null;
  return rest !== null && (rest.trim() === '' || /^\s*[,|–—·-]/.test(rest));
}

/** A hast node, as far as `dropLeadingByline` looks at it. */
export interface BylineHast {
  type: string;
  tagName?: string;
  value?: string;
  children?: BylineHast[];
}

/** Containers a leading byline paragraph may sit in. */
const WRAPPERS = new Set(['div', 'section', 'article', 'header', 'main']);

const hastText = (node: BylineHast): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(hastText).join('');

/**
 * Removes the article's first paragraph (headings before it aside) when its
 * text is only `byline` (`isBylineText`) and more text follows it. Returns
 * whether it removed one. Mutates `tree`.
 */
export function dropLeadingByline(tree: BylineHast, byline: string): boolean {
  const walk = (node: BylineHast): 'removed' | 'stop' | 'continue' => {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        if (squash(child.value) !== '') return 'stop';
        continue;
      }
      if (child.type !== 'element') continue;
      const tag = child.tagName ?? '';
      if (/^h[1-6]$/.test(tag)) continue;
      if (WRAPPERS.has(tag) && (child.children ?? []).some((c) => c.type === 'element')) {
        const inner = walk(child);
        if (inner !== 'continue') return inner;
        continue;
      }
      const text = hastText(child);
      const more = squash(hastText(tree)) !== squash(text);
      if (
        (tag === 'p' || tag === 'div' || tag === 'address') &&
        more &&
        isBylineText(text, byline)
      ) {
        children.splice(i, 1);
        return 'removed';
      }
      return 'stop';
    }
    return 'continue';
  };
  return walk(tree) === 'removed';
}
