import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/content/deck';
import type { Deck } from '$lib/content/types';
import { describeNewToday } from '$lib/srs/counts';
import { Rating } from '$lib/srs/types';
import { app } from '$lib/state/app.svelte';
import { StudyPage } from '$lib/state/study-page.svelte';
import type { StudySession } from '$lib/state/study.svelte';
import { frontmatter, PROSE, SEQUENCE, TABLE, TERMS } from '../content/notes';
import { DECK, freshDevice, mounted, site, until } from './site';

/** A second deck with the same notes under another id. */
function secondDeck(): Deck {
	const text = frontmatter('second') + [TERMS, TABLE, SEQUENCE, PROSE].join('\n');
	const deck = buildDeck({ file: 'second.md', text }).deck;
	if (!deck) throw new Error('the second deck does not build');
	return deck;
}

let leave: (() => void) | undefined;

beforeEach(async () => {
	await freshDevice(site([DECK, secondDeck()]));
});

afterEach(() => {
	leave?.();
	leave = undefined;
});

async function studyPage(): Promise<StudyPage> {
	const result = await mounted(new StudyPage());
	leave = result.leave;
	return result.page;
}

/** Answers every card the session shows with Easy, so that none comes back today. */
async function answerAll(session: StudySession): Promise<number> {
	while (session.current) {
		session.reveal();
		await session.answer(Rating.Easy);
	}
	return session.answered;
}

function deckOf(page: StudyPage, id: string) {
	const deck = page.overview?.decks.find((candidate) => candidate.id === id);
	if (!deck) throw new Error(`no deck ${id}`);
	return deck;
}

describe('daily new-card limits on the study page', () => {
	it('one deck uses its own new cards, not every deck’s, and "study more" goes past the limit', async () => {
		const page = await studyPage();
		expect(deckOf(page, 'test').counts.fresh).toBe(10);
		expect(describeNewToday(deckOf(page, 'test').newToday, page.overview?.newToday)).toBe(
			'10 of 10 new left today'
		);

		await page.start({ scope: { deck: 'test' }, mode: 'review' });
		if (!page.session) throw new Error('no session');
		expect(await answerAll(page.session)).toBe(10);
		page.close();
		await until(() => page.session === null && deckOf(page, 'test').counts.fresh === 0);

		const done = deckOf(page, 'test');
		expect(describeNewToday(done.newToday, page.overview?.newToday)).toBe('0 of 10 new left today');
		// The other deck still offers its ten, and the day has ten left of twenty.
		expect(deckOf(page, 'second').counts.fresh).toBe(10);
		expect(page.overview?.all.fresh).toBe(10);
		expect(describeNewToday(page.overview!.newToday)).toBe('10 of 20 new left today');

		// "Study more today": five more new cards of the finished deck; the schedule is real.
		await page.start({ scope: { deck: 'test' }, mode: 'review', extraNew: 5 });
		if (!page.session) throw new Error('no session');
		expect(page.session.left).toBe(5);
		expect(await answerAll(page.session)).toBe(5);
		page.close();
		await until(() => page.session === null && deckOf(page, 'test').newToday.unseen === 30);
		expect(deckOf(page, 'test').counts.fresh).toBe(0);
		expect(describeNewToday(deckOf(page, 'test').newToday)).toBe('0 of 15 new left today');
		// The extra cards were the finished deck's own: the other deck keeps its ten, and the day
		// its ten of twenty.
		expect(deckOf(page, 'second').counts.fresh).toBe(10);
		expect(describeNewToday(page.overview!.newToday)).toBe('10 of 20 new left today');

		// Kept for the day: leaving and coming back does not undo them, or hand them out again.
		leave?.();
		const again = await studyPage();
		expect(deckOf(again, 'test').newToday).toMatchObject({ left: 0, limit: 15 });
		expect(deckOf(again, 'second').counts.fresh).toBe(10);
	});

	it('says how many new cards are really left: siblings held back count as not left', async () => {
		await app.ready();
		await app.saveSetting('newPerDeck', 30);
		const page = await studyPage();
		// The test deck's 45 cards give 15 sibling-free cards a day: fewer than its limits allow.
		const deck = deckOf(page, 'test');
		expect(deck.counts.fresh).toBe(15);
		expect(describeNewToday(deck.newToday)).toBe('15 of 30 new left today');
	});
});
