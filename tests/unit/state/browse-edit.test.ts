import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLANK } from '$lib/content/blanks';
import { NOTES_EXAMPLE } from '$lib/import/notes-example';
import { app } from '$lib/state/app.svelte';
import { BrowsePage } from '$lib/state/browse-page.svelte';
import { editableAs } from '$lib/state/own-card-edit';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread } from '$lib/state/import-reader';
import { loadCardStates } from '$lib/storage/cards';
import { changeOwnDeck, loadDecks } from '$lib/storage/decks';
import { editedOwnCard } from '$lib/import/own-deck';
import { reviewsOfCard } from '../storage/db';
import { answeredGood, DECK, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const ACME = [
	'#separator:tab',
	'#notetype column:1',
	'Basic\tWhat does Acme run on?\tGo',
	'Cloze\tAcme was founded by {{c1::Ada}} in Paris.\tShe wrote the first engine'
].join('\n');

let leaves: (() => void)[] = [];

async function show<T extends BrowsePage | ImportPage>(model: T): Promise<T> {
	const { page, leave } = await mounted(model);
	leaves.push(leave);
	return page;
}

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	await freshDevice();
	const importing = await show(new ImportPage(inThread));
	await importing.pick(new File([ACME], 'acme.txt', { type: 'text/plain' }));
	importing.title = 'Acme';
	await importing.save();
	expect(importing.done?.changes.added).toHaveLength(2);
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

const acme = () => app.decks.find((deck) => deck.id === 'own-acme')!;

describe('editing an own card in the browser', () => {
	it('changes its sides in place: same id, same schedule and answers, found by its new text', async () => {
		const [basic] = acme().items;
		const db = await app.ready();
		await answeredGood(db, basic!.id, NOW);
		const before = (await loadCardStates(db)).get(basic!.id);
		const page = await show(new BrowsePage());
		expect(editableAs('own-acme')).toBe('card');
		expect(editableAs(DECK.id)).toBeNull();

		const saved = await page.editCard(basic!.id, {
			kind: 'basic',
			front: '  What does Acme <b>run</b> on today? ',
			back: 'Go and Rust'
		});
		expect(saved).toBe(true);
		expect(page.noted).toBe('Card saved.');
		expect(acme().items[0]).toMatchObject({
			id: basic!.id,
			front: 'What does Acme ‹b>run‹/b> on today?',
			back: 'Go and Rust'
		});
		expect((await loadCardStates(db)).get(basic!.id)).toEqual(before);
		expect(await reviewsOfCard(db, basic!.id)).toHaveLength(1);
		page.query = 'rust';
		expect(page.shown.map((card) => card.id)).toEqual([basic!.id]);
	});

	it('edits the deck as stored: an edit made meanwhile in another tab is kept', async () => {
		const [basic, cloze] = acme().items;
		const db = await app.ready();
		const page = await show(new BrowsePage());
		// Another tab edits the cloze; this tab's decks are not read again yet.
		await changeOwnDeck(
			db,
			'own-acme',
			(deck) =>
				editedOwnCard(
					deck,
					cloze!.id,
					{ kind: 'cloze', text: `Founded by ${BLANK}.`, answer: 'Ada', extra: '' },
					NOW
				),
			NOW
		);
		expect(await page.editCard(basic!.id, { kind: 'basic', front: 'Q?', back: 'A' })).toBe(true);
		const stored = (await loadDecks(db)).find((deck) => deck.id === 'own-acme')!;
		expect(
			stored.items.map((item) =>
				item.kind === 'cloze' ? item.text : item.kind === 'basic' ? item.front : ''
			)
		).toEqual(['Q?', `Founded by ${BLANK}.`]);
	});

	it('an edited card is found again when its file, corrected the same way, is imported again', async () => {
		const [basic, cloze] = acme().items;
		const db = await app.ready();
		await answeredGood(db, basic!.id, NOW);
		const page = await show(new BrowsePage());
		await page.editCard(basic!.id, {
			kind: 'basic',
			front: 'What does Acme run on now?',
			back: 'Go'
		});
		const importing = await show(new ImportPage(inThread));
		await importing.pick(
			new File([ACME.replace('run on?', 'run on now?')], 'acme.txt', { type: 'text/plain' })
		);
		expect(importing.target).toBe('own-acme');
		await importing.save();
		expect(importing.done?.changes).toMatchObject({ added: [], retired: [] });
		expect(acme().items.map((item) => item.id)).toEqual([basic!.id, cloze!.id]);
		expect(await reviewsOfCard(db, basic!.id)).toHaveLength(1);
		expect((await loadCardStates(db)).get(basic!.id)?.retired).toBe(false);
	});

	it('a cloze keeps its blank; its extra can be changed or emptied', async () => {
		const cloze = acme().items[1]!;
		const page = await show(new BrowsePage());
		expect(
			await page.editCard(cloze.id, {
				kind: 'cloze',
				text: `Acme was founded by ${BLANK} in Lyon.`,
				answer: 'Ada',
				extra: ''
			})
		).toBe(true);
		expect(acme().items[1]).toEqual(
			expect.objectContaining({ text: `Acme was founded by ${BLANK} in Lyon.`, answer: 'Ada' })
		);
		expect(acme().items[1]).not.toHaveProperty('extra');
	});

	it('refuses an empty side, a lost blank, a kind change and a card of notes; nothing changes', async () => {
		const [basic, cloze] = acme().items;
		const page = await show(new BrowsePage());
		const db = await app.ready();
		const storedItems = async () =>
			JSON.stringify((await loadDecks(db)).find((deck) => deck.id === 'own-acme')?.items);
		const stored = await storedItems();
		const refusals: [string, Parameters<BrowsePage['editCard']>[1], RegExp][] = [
			[basic!.id, { kind: 'basic', front: ' ', back: 'x' }, /The front is empty\./],
			[basic!.id, { kind: 'basic', front: 'x', back: 'y'.repeat(10_001) }, /The back is 10,001/],
			[cloze!.id, { kind: 'cloze', text: 'No blank', answer: 'Ada', extra: '' }, /keep its blank/],
			[cloze!.id, { kind: 'basic', front: 'a', back: 'b' }, /keeps its kind/],
			[DECK.items[0]!.id, { kind: 'basic', front: 'a', back: 'b' }, /Only the cards of your own/]
		];
		for (const [id, sides, why] of refusals) {
			expect(await page.editCard(id, sides)).toBe(false);
			expect(page.error).toMatch(/^The card was not saved: /);
			expect(page.error).toMatch(why);
			expect(await storedItems()).toBe(stored);
		}

		const importing = await show(new ImportPage(inThread));
		importing.notes.text = NOTES_EXAMPLE;
		await importing.notes.save();
		const fromNotes = app.decks.find((deck) => deck.id === 'own-my-notes')!.items[0]!;
		expect(editableAs('own-my-notes')).toBe('notes');
		expect(await page.editCard(fromNotes.id, { kind: 'basic', front: 'a', back: 'b' })).toBe(false);
		expect(page.error).toMatch(/edit the notes to change it/);
	});
});
