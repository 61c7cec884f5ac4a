import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '$lib/srs/types';
import { StudyPage } from '$lib/state/study-page.svelte';
import { questionOfDay, TodayPage } from '$lib/state/today-page.svelte';
import { dueBadge } from '$lib/state/due-badge.svelte';
import { DECK, freshDevice, mounted, until } from './site';

// A fixed clock (Date only: the models' own timers run as usual).
const NOW = new Date(2026, 10, 23, 9, 0);

let leaves: (() => void)[] = [];

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

async function show<T extends TodayPage | StudyPage>(model: T): Promise<T> {
	const shown = await mounted(model);
	leaves.push(shown.leave);
	return shown.page;
}

describe('the Today screen', () => {
	it('offers the day’s study, then the session left open, with the streak, minutes and backup reminder', async () => {
		const today = await show(new TodayPage());
		expect(today.error).toBeNull();
		expect(today.view).toMatchObject({
			counts: { due: 0, learning: 0, fresh: 10 },
			next: { kind: 'study', cards: 10 },
			streak: 0,
			minutes: 0,
			backup: null
		});
		expect(today.view?.question?.kind).toBe('interview');

		const study = await show(new StudyPage());
		await study.start({ scope: {}, mode: 'review' });
		study.session!.reveal();
		vi.setSystemTime(NOW.getTime() + 90_000);
		await study.session!.answer(Rating.Again);

		await today.refresh();
		expect(today.view).toMatchObject({
			counts: { learning: 1, fresh: 9 },
			next: { kind: 'study-session', answered: 1 },
			streak: 1,
			minutes: 2,
			backup: { kind: 'never' }
		});
		expect(dueBadge.due).toBe(1);
	});

	it('a date for the interview makes a plan that sets the day’s new cards, unless turned off', async () => {
		const today = await show(new TodayPage());
		today.editDate(true);
		today.date = '2026-12-05';
		await today.saveDate();
		expect(today.editing).toBe(false);
		await until(() => today.view?.plan !== null && today.view?.plan !== undefined, 'the plan');
		// 45 cards unseen, 12 days left, the last 2 kept for mocks: 5 new cards a day.
		expect(today.view?.plan).toMatchObject({ daysLeft: 12, newPerDay: 5 });
		expect(today.view?.counts.fresh).toBe(5);
		expect(today.view?.newToday).toMatchObject({ left: 5, limit: 5 });
		const study = await show(new StudyPage());
		expect(study.overview?.all.fresh).toBe(5);

		await today.follow(false);
		await until(() => today.view?.interview?.follow === false, 'the plan turned off');
		expect(today.view?.counts.fresh).toBe(10);

		today.editDate(true);
		today.date = 'soon';
		await today.saveDate();
		expect(today.error).toBe('Enter the date of your interview as a date, such as 2026-12-15.');
		// The field stays open on what was typed; Cancel puts back the date kept.
		expect([today.editing, today.date]).toEqual([true, 'soon']);
		today.editDate(false);
		expect([today.editing, today.date]).toEqual([false, '2026-12-05']);
	});

	it('asks the same interview question all day, and another on another day', () => {
		const [question] = DECK.items.filter((item) => item.kind === 'interview');
		const questions = [1, 2, 3, 4, 5].map((n) => ({ ...question!, id: `test/q/${n}/interview` }));
		const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
		const asked = days.map((day) => questionOfDay(questions, day)?.id);
		expect(questionOfDay(questions, days[0]!)?.id).toBe(asked[0]);
		expect(new Set(asked).size).toBeGreaterThan(1);
	});
});
