import { describe, expect, it } from 'vitest';
import { daysBetween, interviewPlan, isDateKey, MOCK_DAYS } from '$lib/srs/plan';

// 9:00 on 23 November 2026, local time (the tests run in UTC); study days start at 4:00.
const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 4;

describe('the plan to an interview', () => {
	it('spreads the unseen cards over the days before the last two, which are kept for mocks', () => {
		// Ten days left: eight for new cards, two for mock interviews.
		expect(interviewPlan('2026-12-03', NOW, HOUR, 400)).toEqual({
			date: '2026-12-03',
			daysLeft: 10,
			newPerDay: 50,
			mockDay: false
		});
		// Rounded up: every card is seen in time.
		expect(interviewPlan('2026-12-03', NOW, HOUR, 401)?.newPerDay).toBe(51);
	});

	it('counts study days: before the day starts at 4:00 it is still the day before', () => {
		const lateNight = Date.UTC(2026, 10, 24, 2, 0);
		expect(interviewPlan('2026-12-03', lateNight, HOUR, 10)?.daysLeft).toBe(10);
		expect(interviewPlan('2026-12-03', lateNight + 3 * 3600_000, HOUR, 10)?.daysLeft).toBe(9);
	});

	it('asks no new cards on the last days, and has nothing to plan once the date is past', () => {
		expect(interviewPlan('2026-11-25', NOW, HOUR, 300)).toMatchObject({
			daysLeft: MOCK_DAYS,
			newPerDay: 0,
			mockDay: true
		});
		expect(interviewPlan('2026-11-23', NOW, HOUR, 300)).toMatchObject({
			daysLeft: 0,
			mockDay: true
		});
		expect(interviewPlan('2026-11-22', NOW, HOUR, 300)).toBeNull();
		// Three days left: one day for every new card.
		expect(interviewPlan('2026-11-26', NOW, HOUR, 300)?.newPerDay).toBe(300);
	});

	it('takes only real dates', () => {
		expect(isDateKey('2026-02-29')).toBe(false);
		expect(isDateKey('2028-02-29')).toBe(true);
		expect(isDateKey('12/10/2026')).toBe(false);
		expect(interviewPlan('2026-13-01', NOW, HOUR, 10)).toBeNull();
		expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
	});
});
