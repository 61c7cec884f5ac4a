import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCardItem } from '$lib/content/types';
import { changeMarks } from '$lib/storage/marks';
import { app } from '$lib/state/app.svelte';
import { ListenPage } from '$lib/state/listen-page.svelte';
import { StatsPage } from '$lib/state/stats-page.svelte';
import { StudyPage } from '$lib/state/study-page.svelte';
import { Rating } from '$lib/srs/types';
import { answeredGood, DECK, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const CARDS = DECK.items.filter(isCardItem);

let leaves: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

async function studyPage(): Promise<StudyPage> {
	const { page, leave } = await mounted(new StudyPage());
	leaves.push(leave);
	return page;
}

describe('marks on the study pages', () => {
	it('a suspended card is neither counted nor shown, until it is unsuspended', async () => {
		const db = await app.ready();
		const page = await studyPage();
		const unseen = page.overview!.newToday.unseen;
		const suspended = CARDS.slice(0, 3).map((card) => card.id);
		await changeMarks(db, suspended, { suspended: true }, NOW);
		await page.refresh();
		expect(page.overview!.newToday.unseen).toBe(unseen - 3);

		await page.start({ scope: {}, mode: 'review' });
		const session = page.session!;
		const shown: string[] = [];
		while (session.current) {
			shown.push(session.current.id);
			session.reveal();
			await session.answer(Rating.Easy);
		}
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.filter((id) => suspended.includes(id))).toEqual([]);
		page.close();

		await changeMarks(db, suspended, { suspended: false }, NOW + 1);
		await page.refresh();
		expect(page.session).toBeNull();
		await page.start({ scope: {}, mode: 'cram' });
		const cram = page.session!;
		const all: string[] = [];
		while (cram.current) {
			all.push(cram.current.id);
			cram.reveal();
			await cram.answer(Rating.Easy);
		}
		expect(all).toEqual(expect.arrayContaining(suspended));
	});

	it('a card’s note is given with it, to show on its back', async () => {
		const db = await app.ready();
		const first = CARDS[0]!;
		await changeMarks(db, [first.id], { note: 'Ask about the roadmap' }, NOW);
		const page = await studyPage();
		await page.start({ scope: {}, mode: 'cram' });
		const session = page.session!;
		const notes = new Map<string, string>();
		while (session.current) {
			notes.set(session.current.id, session.note);
			session.reveal();
			await session.answer(Rating.Easy);
		}
		expect(notes.get(first.id)).toBe('Ask about the roadmap');
		expect([...notes.values()].filter(Boolean)).toEqual(['Ask about the roadmap']);
	});

	it('Listen does not read a suspended card', async () => {
		const db = await app.ready();
		await changeMarks(db, [CARDS[0]!.id], { suspended: true }, NOW);
		const { page, leave } = await mounted(new ListenPage());
		leaves.push(leave);
		const prompts = page.tracks.map((track) => track.prompt);
		expect(prompts).toHaveLength(CARDS.length - 1);
	});

	it('Stats counts a suspended card apart, in no state and in no forecast', async () => {
		const db = await app.ready();
		const [first] = CARDS;
		await answeredGood(db, first!.id, NOW);
		const { page, leave } = await mounted(new StatsPage());
		leaves.push(leave);
		const before = page.stats!;
		await changeMarks(db, [first!.id], { suspended: true }, NOW);
		await page.refresh();
		const after = page.stats!;
		expect(after.cards.suspended).toBe(1);
		expect(after.cards.learning + after.cards.review).toBe(
			before.cards.learning + before.cards.review - 1
		);
		expect(after.forecast.reduce((a, b) => a + b, 0)).toBe(
			before.forecast.reduce((a, b) => a + b, 0) - 1
		);
	});
});
