import { describe, expect, it } from 'vitest';
import { searchSectionsOptions } from '../api/search-sections';

describe('live seat counts', () => {
  it('are refetched every 15 s at most, and never while the tab is hidden', () => {
    const options = searchSectionsOptions({ page: 1, pageSize: 20 });
    expect(options.refetchInterval).toBeGreaterThanOrEqual(15_000);
    expect(options.refetchInterval).toBeLessThanOrEqual(20_000);
    expect(options.refetchIntervalInBackground).toBe(false);
  });
});
