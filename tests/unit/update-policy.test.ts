import { describe, expect, it } from 'vitest';
import { isUpdateCheckDue, UPDATE_CHECK_INTERVAL_MS } from '$lib/pwa/update-policy';

describe('update checks', () => {
	const now = Date.UTC(2026, 10, 23, 9, 0);

	it('checks when no check was made yet', () => {
		expect(isUpdateCheckDue(undefined, now)).toBe(true);
	});

	it('checks at most hourly', () => {
		expect(isUpdateCheckDue(now - UPDATE_CHECK_INTERVAL_MS + 1, now)).toBe(false);
		expect(isUpdateCheckDue(now - UPDATE_CHECK_INTERVAL_MS, now)).toBe(true);
	});
});
