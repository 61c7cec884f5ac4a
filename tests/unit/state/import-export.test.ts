import { beforeEach, describe, expect, it } from 'vitest';
import { isCardItem } from '$lib/content/types';
import type { ExportedDeck } from '$lib/export';
import { QUIZLET_DEFAULTS } from '$lib/import';
import { app } from '$lib/state/app.svelte';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread, readCards } from '$lib/state/import-reader';
import { loadCardStates } from '$lib/storage/cards';
import { loadDecks } from '$lib/storage/decks';
import { answeredGood, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

const ANKI = [
	'#separator:tab',
	'#html:true',
	'#deck:Acme',
	'What does Acme run on?\tGo and <i>Postgres</i>',
	'How many engineers?\t"About 120\nin three teams"',
	'{{c1::Ada}} founded Acme in {{c2::2015}}\t'
].join('\n');

beforeEach(async () => {
	await freshDevice();
});

/** An import page with the Anki file above stored as the own deck "Acme". */
async function withAcme() {
	const shown = await mounted(new ImportPage(inThread));
	await shown.page.pick(new File([ANKI], 'acme.txt', { type: 'text/plain' }));
	await shown.page.save();
	return shown;
}

/** Exports the chosen deck and returns the file the page handed over to be saved. */
async function exported(page: ImportPage, format: 'anki-text' | 'csv'): Promise<ExportedDeck> {
	let saved: ExportedDeck | undefined;
	await page.exportDeck(format, (file) => (saved = file));
	expect(page.error).toBeNull();
	return saved!;
}

/** Reads an exported file back as the import page would. */
function read(file: ExportedDeck, format: 'anki-text' | 'delimited') {
	const bytes = new TextEncoder().encode(file.text);
	return readCards(
		{ name: file.name, bytes },
		{ format, delimited: null, quizlet: QUIZLET_DEFAULTS }
	);
}

describe('exporting a deck', () => {
	it('writes an own deck as Anki text that reads back into the same cards', async () => {
		const { page, leave } = await withAcme();
		page.exportChoice = 'own-acme';
		const file = await exported(page, 'anki-text');
		expect(file).toMatchObject({ name: 'acme.txt', type: 'text/plain', cards: 4 });
		expect(file.text.split('\n').slice(0, 4)).toEqual([
			'#separator:tab',
			'#html:false',
			'#deck:Acme',
			'#notetype column:1'
		]);
		expect(page.exported).toEqual({ title: 'Acme', file: 'acme.txt', cards: 4 });

		const again = (await read(file, 'anki-text')).result;
		const stored = page.ownDecks[0]!.items.filter(isCardItem);
		expect(again.cards.map((card) => (card.kind === 'cloze' ? card.text : card.front))).toEqual(
			stored.map((item) => (item.kind === 'cloze' ? item.text : item.front))
		);
		expect(again.cards.map((card) => card.kind === 'basic' && card.back)).toEqual(
			stored.map((item) => item.kind !== 'cloze' && item.back)
		);
		leave();
	});

	it('writes one of our decks as CSV, flashcards only, the first deck until another is chosen', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		const ours = page.toExport!;
		expect(ours.own).toBeUndefined();
		const file = await exported(page, 'csv');
		const flashcards = ours.items.filter(isCardItem);
		expect(flashcards.length).toBeLessThan(ours.items.length);
		expect(file.cards).toBe(flashcards.length);
		expect(file.name).toMatch(/\.csv$/);
		expect(file.text.startsWith('front,back,tags\r\n')).toBe(true);
		const back = (await read(file, 'delimited')).result;
		expect(back.cards).toHaveLength(flashcards.length);
		leave();
	});
});

describe('renaming an own deck', () => {
	it('changes the name its cards show; ids and history stay; an empty name changes nothing', async () => {
		const { page, leave } = await withAcme();
		const db = await app.ready();
		const first = page.ownDecks[0]!.items[0]!;
		await answeredGood(db, first.id, NOW);
		const before = (await loadCardStates(db)).get(first.id);

		expect(await page.rename('own-acme', '   ')).toBe(false);
		expect(await page.rename('own-acme', ' Acme Corp ')).toBe(true);
		const stored = (await loadDecks(db)).find((deck) => deck.id === 'own-acme')!;
		expect(stored.title).toBe('Acme Corp');
		expect(stored.items.map((item) => item.id)).toEqual(page.ownDecks[0]!.items.map((i) => i.id));
		expect(stored.items.every((item) => item.source.heading === 'Acme Corp')).toBe(true);
		expect(page.ownDecks[0]!.title).toBe('Acme Corp');
		expect((await loadCardStates(db)).get(first.id)).toEqual(before);
		leave();
	});
});
