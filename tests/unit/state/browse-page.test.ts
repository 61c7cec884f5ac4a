import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCardItem } from '$lib/content/types';
import { app } from '$lib/state/app.svelte';
import { BROWSE_PAGE_SIZE, BrowsePage } from '$lib/state/browse-page.svelte';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread } from '$lib/state/import-reader';
import { ListenPage } from '$lib/state/listen-page.svelte';
import { StudyPage } from '$lib/state/study-page.svelte';
import { answeredGood, DECK, freshDevice, mounted, until } from './site';

// Midday: a Good answer's next step falls on the same study day, whatever the time zone.
const MIDDAY = new Date(2026, 10, 29, 12, 0).getTime();
const MINUTE = 60 * 1000;

let leaves: (() => void)[] = [];

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: MIDDAY });
	await freshDevice();
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

async function browse(): Promise<BrowsePage> {
	const { page, leave } = await mounted(new BrowsePage());
	leaves.push(leave);
	expect(page.error).toBeNull();
	return page;
}

const OURS = DECK.items.filter(isCardItem);

describe('the card browser page model', () => {
	it('lists every flashcard of our decks and of an own deck, new until studied', async () => {
		const importing = await mounted(new ImportPage(inThread));
		leaves.push(importing.leave);
		await importing.page.pick(
			new File(['Front\tBack\nWhat does Acmé run on?\tGo'], 'acme.tsv', { type: 'text/plain' })
		);
		importing.page.title = 'Acme';
		await importing.page.save();

		const page = await browse();
		expect(page.cards).toHaveLength(OURS.length + 1);
		expect(page.count).toBe(`${OURS.length + 1} of ${OURS.length + 1} cards`);
		expect(page.cards.every((card) => card.state === 'new' && card.due === null)).toBe(true);

		page.query = 'ACME';
		expect(page.shown.map((card) => [card.front, card.deckTitle])).toEqual([
			['What does Acmé run on?', 'Acme']
		]);
		expect(page.count).toBe(`1 of ${OURS.length + 1} cards`);
		page.query = '';
		page.deck = 'own-acme';
		expect(page.results).toHaveLength(1);
		page.deck = DECK.id;
		expect(page.topics.map((topic) => topic.id)).toContain('strategic-roles');
		page.topic = 'strategic-roles';
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((card) => card.topicTitle === 'Strategic roles')).toBe(true);
		// Another deck lets go of the topic.
		page.deck = '';
		expect(page.topic).toBe('');
		expect(page.results).toHaveLength(OURS.length + 1);
	});

	it('lets go of a deck deleted meanwhile, and of its card opened', async () => {
		const importing = await mounted(new ImportPage(inThread));
		leaves.push(importing.leave);
		await importing.page.pick(new File(['Front\tBack\nQ\tA'], 'acme.tsv', { type: 'text/plain' }));
		importing.page.title = 'Acme';
		await importing.page.save();
		const page = await browse();
		page.deck = 'own-acme';
		const [own] = page.results;
		await page.toggle(own!.id);
		expect(page.details?.id).toBe(own!.id);

		importing.page.askDelete('own-acme');
		await importing.page.confirmDelete();
		await until(() => page.cards.length === OURS.length, 'the deck to go');
		expect(page.deck).toBe('');
		expect(page.results).toHaveLength(OURS.length);
		expect(page.opened).toBeNull();
		expect(page.details).toBeNull();
	});

	it('shows a studied card’s state, due date and history, and follows new answers', async () => {
		const db = await app.ready();
		const card = OURS[0]!;
		await answeredGood(db, card.id, MIDDAY - 30 * MINUTE);
		const page = await browse();

		page.state = 'learning';
		expect(page.results.map((found) => found.id)).toEqual([card.id]);
		page.state = '';
		page.due = 'today';
		expect(page.results.map((found) => found.id)).toEqual([card.id]);
		page.due = 'unstudied';
		expect(page.results).toHaveLength(OURS.length - 1);
		page.due = '';

		await page.toggle(card.id);
		expect(page.details?.id).toBe(card.id);
		expect(page.details?.state?.due).toBe(page.results[0]!.due);
		expect(page.details?.history).toEqual([
			{ time: MIDDAY - 30 * MINUTE, rating: 'Good', cram: false, interval: expect.any(Number) }
		]);
		const due = page.details!.state!.due;
		expect(page.details!.history[0]!.interval).toBe(due - (MIDDAY - 30 * MINUTE));

		// An answer given meanwhile (here or in another tab) shows once progress changes.
		await answeredGood(db, card.id, MIDDAY);
		app.changed();
		await until(() => page.details?.history.length === 2, 'the second answer');
		expect(page.results[0]!.state).toBe('review');

		await page.toggle(card.id);
		expect(page.opened).toBeNull();
		expect(page.details).toBeNull();
	});

	it('shows a page of cards at a time and starts again from the first page on a new search', async () => {
		const page = await browse();
		// Our test deck is small: many copies of its cards stand for 10,000.
		page.cards = Array.from({ length: 250 }, (_, i) => ({
			...page.cards[i % page.cards.length]!,
			id: `copy-${i}`
		}));
		expect(page.shown).toHaveLength(BROWSE_PAGE_SIZE);
		expect(page.more).toBe(150);
		page.showMore();
		page.showMore();
		expect(page.shown).toHaveLength(250);
		expect(page.more).toBe(0);
		page.query = 'a';
		expect(page.shown.length).toBeLessThanOrEqual(BROWSE_PAGE_SIZE);
		page.clear();
		expect(page.shown).toHaveLength(BROWSE_PAGE_SIZE);
		expect(page.count).toBe('250 of 250 cards');
	});

	it('suspends and flags chosen cards at once, and keeps them out of study while suspended', async () => {
		const study = await mounted(new StudyPage());
		leaves.push(study.leave);
		const unseen = study.page.overview!.newToday.unseen;
		const page = await browse();
		const [first, second, third] = page.shown;
		page.select(first!.id, true);
		page.select(second!.id, true);
		page.select(third!.id, true);
		page.select(third!.id, false);
		expect([...page.selected]).toEqual([first!.id, second!.id]);

		await page.markSelected('suspend');
		expect(page.error).toBeNull();
		expect(page.outcome).toBe('2 cards suspended.');
		expect(page.selected.size).toBe(0);
		page.state = 'suspended';
		expect(page.results.map((card) => card.id)).toEqual([first!.id, second!.id]);
		// Their schedule is untouched: still new.
		expect(page.results.every((card) => card.state === 'new')).toBe(true);
		await until(() => study.page.overview?.newToday.unseen === unseen - 2, 'the study counts');
		// Nor are they read aloud.
		const listen = await mounted(new ListenPage());
		leaves.push(listen.leave);
		expect(listen.page.tracks).toHaveLength(OURS.length - 2);

		page.selectShown(true);
		await page.markSelected('unsuspend');
		expect(page.results).toEqual([]);
		await until(() => study.page.overview?.newToday.unseen === unseen, 'the cards back');
		await until(() => listen.page.tracks.length === OURS.length, 'read aloud again');
		listen.leave();
		leaves = leaves.filter((leave) => leave !== listen.leave);
		// Left now: a reload of its counts must not outlive the test.
		study.leave();
		leaves = leaves.filter((leave) => leave !== study.leave);

		page.state = '';
		page.select(third!.id, true);
		await page.markSelected('flag');
		expect(page.outcome).toBe('1 card flagged.');
		page.flagged = true;
		expect(page.results.map((card) => card.id)).toEqual([third!.id]);
		page.select(third!.id, true);
		await page.markSelected('unflag');
		expect(page.results).toEqual([]);
	});

	it('keeps a note on a card, found by the search and shown on its back when studied', async () => {
		const page = await browse();
		const card = OURS[0]!;
		expect(await page.saveNote(card.id, '  Ask how Acmé does it  ')).toBe(true);
		expect(page.noted).toBe('Note saved.');
		expect(page.cards.find((found) => found.id === card.id)?.marks.note).toBe(
			'Ask how Acmé does it'
		);
		page.query = 'acme does';
		expect(page.results.map((found) => found.id)).toEqual([card.id]);

		expect(await page.saveNote(card.id, 'x'.repeat(2001))).toBe(false);
		expect(page.error).toMatch(/2,001 characters long, and a note may be 2,000/);
		expect(page.results.map((found) => found.id)).toEqual([card.id]);

		const study = await mounted(new StudyPage());
		leaves.push(study.leave);
		await study.page.start({ scope: {}, mode: 'review' });
		expect(study.page.session?.current?.id).toBe(card.id);
		expect(study.page.session?.note).toBe('Ask how Acmé does it');

		expect(await page.saveNote(card.id, '')).toBe(true);
		expect(page.noted).toBe('Note removed.');
		expect(page.cards.find((found) => found.id === card.id)?.marks.note).toBe('');
	});
});
