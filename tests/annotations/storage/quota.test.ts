import { describe, expect, it } from 'vitest';
import { isQuotaExceeded, quotaExceededError } from '../../../annotations/storage/quota.ts';

describe('isQuotaExceeded', () => {
  it('recognizes a full storage by name, and by the legacy codes', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(isQuotaExceeded(named('QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded(named('NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaExceeded({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaExceeded({ name: 'Error', code: 1014 })).toBe(true);
    expect(isQuotaExceeded(quotaExceededError())).toBe(true);
  });
  describe('when it fails', () => {
    it('is false for any other error or value', () => {
      for (const e of [
        new Error('disk'),
        Object.assign(new Error('x'), { name: 'SecurityError', code: 18 }),
        null,
        undefined,
        'QuotaExceededError',
        22,
      ]) {
        expect(isQuotaExceeded(e)).toBe(false);
      }
    });
  });
});
