/** The public surfaces: pinned lists of exported names (as unified packages do). */
import { describe, expect, it } from 'vitest';

describe('sources/citation', () => {
  it('index exports exactly its public surface', async () => {
    const mod = await import('../../../sources/citation/index.ts');
    expect(Object.keys(mod).sort()).toEqual(
      [
        'CiteLocatorSchema',
        'DEFAULT_STYLE',
        'EXPORT_FILE',
        'EXPORT_FORMATS',
        'LOCALE_FILE',
        'STYLES',
        'STYLE_IDS',
        'StyleIdSchema',
        'BUNDLED_LOCALES',
        'CustomStyleSchema',
        'EDITABLE_FIELDS',
        'FIELD_LABELS',
        'PINPOINT_LABELS',
        'PINPOINT_MODES',
        'PinpointModeSchema',
        'RecordOverrideSchema',
        'RecordOverridesSchema',
        'SectionPlaceSchema',
        'applyRecordOverride',
        'applyRecordOverrides',
        'baseCitationKey',
        'bundledLocale',
        'citationKeys',
        'defaultPinpoint',
        'fieldError',
        'formValues',
        'missingFields',
        'missingNote',
        'overrideFromForm',
        'parseAssignment',
        'parsePinpointMode',
        'parseStyleFile',
        'recordFieldLabel',
        'recordFieldsFor',
        'pinpointChoices',
        'sectionPlace',
        'styleLocale',
        'citePassage',
        'citeTargetOf',
        'createCiter',
        'escapeHtml',
        'exportBibliography',
        'exportRecord',
        'isStyleId',
        'locatorFor',
        'paragraphRangeLocator',
        'parseExportFormat',
        'parseStyleId',
        'quoteWithCitation',
        'styleDescriptor',
        'styleRecord',
      ].sort(),
    );
  });

  it('load-citer (the browser entry) exports exactly its surface', async () => {
    const mod = await import('../../../sources/citation/load-citer.ts');
    expect(Object.keys(mod).sort()).toEqual(
      [
        'EXPORT_FILE',
        'EXPORT_FORMATS',
        'bibliography',
        'citeInStyle',
        'citeMany',
        'exportFile',
        'loadCiter',
        'paragraphRangeLocator',
        'setExtraSources',
      ].sort(),
    );
  });
});
