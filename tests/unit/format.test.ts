import { describe, expect, it } from 'vitest';
import { groupDigits, plural } from '$lib/format';

describe('counts in words', () => {
	it('groups thousands as English does, without the browser number formats', () => {
		for (const count of [0, 7, 999, 1000, 12_345, 1_234_567, -4500, 2.5, 1234.75]) {
			expect(groupDigits(count)).toBe(count.toLocaleString('en', { maximumFractionDigits: 20 }));
		}
	});

	it('says one or many', () => {
		expect(plural(1, 'day', 'days')).toBe('1 day');
		expect(plural(0, 'day', 'days')).toBe('0 days');
		expect(plural(12_000, 'card', 'cards')).toBe('12,000 cards');
	});
});
