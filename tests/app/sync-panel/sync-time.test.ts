import { describe, expect, it } from 'vitest';
import { formatSyncTime, formatVersionTime } from '../../../app/sync-panel/sync-time.ts';

describe('the Sync panel’s times', () => {
  const iso = '2026-12-02T06:54:41.000Z';
  it('give the date in one style, and a conflict’s versions their seconds', () => {
    // The day as the reader's zone has it (“Dec 2, 2026”), not numbers (“12/2/2026”).
    const day = new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });
    expect(formatSyncTime(iso, 'en-US')).toMatch(new RegExp(`^${day}, \\d{1,2}:\\d{2} [AP]M$`));
    expect(formatVersionTime(iso, 'en-US')).toMatch(
      new RegExp(`^${day}, \\d{1,2}:\\d{2}:41 [AP]M$`),
    );
  });

  it('say “never” for a panel that has not synced', () => {
    expect(formatSyncTime(null)).toBe('never');
  });
});
