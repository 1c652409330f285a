/**
 * A CSL style a reader brings (the reader's **Add a style…**, the CLI's
 * `--style-file`), checked before citeproc sees it: refused with a clear
 * message when it is not XML, not a CSL style, a dependent style (which only
 * points to its parent and cannot format anything alone), or has no
 * citation layout. citeproc itself then builds the engine; a style it still
 * cannot run is refused by `createCiter` with its message.
 *
 * Pure and environment-neutral (fast-xml-parser, no DOM).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_STYLE_BYTES, type CustomStyle } from './custom-style.ts';
import { bundledLocale } from './styles.ts';

export { CustomStyleSchema, MAX_STYLE_BYTES, type CustomStyle } from './custom-style.ts';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/^https?:\/\/(www\.)?zotero\.org\/styles\//, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'style'
  );
}

type Node = Record<string, unknown>;

function asArray(v: unknown): Node[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && '#text' in v) return String((v as Node)['#text']).trim();
  return undefined;
}

/**
 * Checks a style file's text and describes it. Throws one sentence saying
 * what is wrong (`name` is how to call the file in it, e.g. its file name).
 */
export function parseStyleFile(xml: string, name = 'the file'): CustomStyle {
  if (xml.length > MAX_STYLE_BYTES) {
    throw new Error(`${name} is larger than 2 MB; a CSL style is much smaller`);
  }
  if (xml.includes('\u0000')) throw new Error(`${name} is binary, not a CSL style (XML text)`);
  const text = xml.replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) {
    throw new Error(`${name} is not XML, so not a CSL style`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(
      `${name} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}), so not a CSL style`,
    );
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
    text,
  ) as Node;
  const style = doc.style as Node | undefined;
  if (!style || typeof style !== 'object') {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    throw new Error(
      `${name} is XML but not a CSL style (its root element is <${root}>, not <style>)`,
    );
  }
  if (style['@xmlns'] !== CSL_NS) {
    throw new Error(
      `${name} has a <style> element outside the CSL namespace (${CSL_NS}), so it is not a CSL style`,
    );
  }
  const version = String(style['@version'] ?? '');
  if (!version.startsWith('1.')) {
    throw new Error(
      `${name} is a CSL ${version || 'unversioned'} style; Diptych's engine (citeproc-js) reads CSL 1.0 styles`,
    );
  }
  const info = (style.info ?? {}) as Node;
  const title = textOf(info.title) ?? 'Untitled style';
  const links = asArray(info.link);
  const parent = links.find((l) => l['@rel'] === 'independent-parent');
  if (parent || style.citation === undefined) {
    const href = parent ? String(parent['@href']) : undefined;
    throw new Error(
      href
        ? `${name} (“${title}”) is a dependent style: it only points to its parent style ${href}, which Diptych does not have. Add the parent style's .csl file instead`
        : `${name} (“${title}”) has no <citation> layout, so it cannot format citations`,
    );
  }
  const kind = style['@class'];
  if (kind !== 'note' && kind !== 'in-text') {
    throw new Error(
      `${name} (“${title}”) has class ${JSON.stringify(kind)}; CSL styles are "in-text" or "note"`,
    );
  }
  const cslId = textOf(info.id) ?? title;
  const locale =
    typeof style['@default-locale'] === 'string' ? style['@default-locale'] : undefined;
  return {
    id: `custom:${slug(cslId)}`,
    label: title,
    kind,
    ...(locale ? { defaultLocale: locale } : {}),
    xml,
  };
}

/**
 * The locale a style is formatted in, and a sentence when that is not the
 * one it asks for (an unbundled `default-locale` falls back to en-US).
 */
export function styleLocale(defaultLocale: string | undefined): {
  readonly locale: string;
  readonly note?: string;
} {
  if (!defaultLocale) return { locale: 'en-US' };
  const bundled = bundledLocale(defaultLocale);
  if (!bundled) {
    return {
      locale: 'en-US',
      note: `This style asks for locale ${defaultLocale}, which Diptych does not bundle (it has en-US, en-GB, de-DE, fr-FR, ru-RU, ko-KR); its terms and dates are in en-US.`,
    };
  }
  if (bundled.toLowerCase() !== defaultLocale.toLowerCase()) {
    return {
      locale: bundled,
      note: `This style asks for locale ${defaultLocale}, which Diptych does not bundle; it uses ${bundled}, the bundled locale of the same language.`,
    };
  }
  return { locale: bundled };
}
