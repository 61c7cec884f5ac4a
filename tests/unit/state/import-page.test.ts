import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread } from '$lib/state/import-reader';
import { loadCardStates } from '$lib/storage/cards';
import { loadDecks } from '$lib/storage/decks';
import { answeredGood, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 23, 9, 0);

function file(name: string, text: string): File {
	return new File([text], name, { type: 'text/plain' });
}

const ANKI = [
	'#separator:tab',
	'#html:true',
	'#deck:CTO::Acme',
	'What does Acme run on?\tGo and <i>Postgres</i>',
	'How many engineers?\tAbout 120',
	'{{c1::Ada}} founded Acme in {{c2::2015}}\t'
].join('\n');

beforeEach(async () => {
	await freshDevice();
});

describe('importing your own cards', () => {
	it('reads a file without storing anything, then stores it as a deck the app studies', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(file('acme.txt', ANKI));
		expect(page.format).toBe('anki-text');
		expect(page.problem).toBeNull();
		expect(page.result?.cards.map((card) => card.kind)).toEqual([
			'basic',
			'basic',
			'cloze',
			'cloze'
		]);
		// The deck's name comes from the file; nothing is stored before Add.
		expect(page.title).toBe('Acme');
		expect((await loadDecks(await app.ready())).some((deck) => deck.own)).toBe(false);

		await page.save();
		expect(page.done?.changes.added).toHaveLength(4);
		expect(page.ownDecks.map((deck) => deck.id)).toEqual(['own-acme']);
		expect(app.decks.map((deck) => deck.id)).toContain('own-acme');
		const stored = (await loadDecks(await app.ready())).find((deck) => deck.id === 'own-acme');
		expect(stored?.items[0]).toMatchObject({ kind: 'basic', back: 'Go and Postgres' });
		leave();
	});

	it('imports a corrected file into the same deck: answered cards keep their history', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(file('acme.txt', ANKI));
		await page.save();
		const db = await app.ready();
		const first = page.ownDecks[0]!.items[0]!;
		await answeredGood(db, first.id, NOW);
		const before = (await loadCardStates(db)).get(first.id);

		const corrected = ANKI.replace('Go and <i>Postgres</i>', 'Go, Postgres and Kafka').replace(
			'How many engineers?\tAbout 120\n',
			''
		);
		await page.pick(file('acme.txt', corrected));
		// The earlier import of this file is offered as the deck to update.
		expect(page.target).toBe('own-acme');
		await page.save();
		// Its back changed (the clozes below it moved up a line: changed too, progress kept).
		expect(page.done?.changes.added).toEqual([]);
		expect(page.done?.changes.changed).toContain(first.id);
		expect(page.done?.changes.retired).toHaveLength(1);
		expect((await loadCardStates(db)).get(first.id)).toEqual(before);
		expect(page.ownDecks).toHaveLength(1);
		leave();
	});

	it('reads a CSV file with the columns chosen', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(file('terms.csv', 'tag,term,meaning\nops,SLO,Service level objective\n'));
		expect(page.format).toBe('delimited');
		expect(page.delimited).toMatchObject({ separator: ',', header: true, front: 0, back: 1 });
		await page.chooseColumns({ ...page.delimited!, front: 1, back: 2, tags: 0 });
		expect(page.result?.cards).toMatchObject([
			{ kind: 'basic', front: 'SLO', back: 'Service level objective', tags: ['ops'] }
		]);
		leave();
	});

	it('refuses a file that is not cards, saying why, and stores nothing', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0, 1])], 'a.txt'));
		expect(page.problem).toMatch(/PDF/);
		expect(page.result).toBeNull();
		await page.save();
		expect(page.ownDecks).toEqual([]);
		leave();
	});

	it('deletes an own deck only once confirmed, with its cards', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(file('acme.txt', ANKI));
		await page.save();
		page.askDelete('own-acme');
		expect(page.pendingDelete?.items).toHaveLength(4);
		page.cancelDelete();
		expect(page.ownDecks).toHaveLength(1);
		page.askDelete('own-acme');
		await page.confirmDelete();
		expect(page.ownDecks).toEqual([]);
		expect((await loadDecks(await app.ready())).some((deck) => deck.own)).toBe(false);
		leave();
	});
});

describe('what the import page says when something goes wrong', () => {
	it('refuses a file too large from its size, without reading it', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		const read = vi.fn(async () => new ArrayBuffer(0));
		const huge = {
			name: 'huge.csv',
			size: 300 * 1024 * 1024,
			arrayBuffer: read
		} as unknown as File;
		await page.pick(huge);
		expect(page.problem).toBe(
			'This file is 300 MB; the most a file of cards may be is 20 MB. Split it into smaller files.'
		);
		const package_ = { ...huge, name: 'shared.apkg', size: 101 * 1024 * 1024 } as unknown as File;
		await page.pick(package_);
		expect(page.problem).toMatch(/^The package is too large \(101 MB\); at most 100 MB/);
		expect(read).not.toHaveBeenCalled();
		expect(page.reading).toBe(false);
		expect(page.result).toBeNull();
		leave();
	});

	it('says a deck is stored when only reading the list of decks again failed', async () => {
		const { page, leave } = await mounted(new ImportPage(inThread));
		await page.pick(file('acme.txt', ANKI));
		const reload = vi.spyOn(app, 'reloadDecks').mockRejectedValueOnce(new Error('disk busy'));
		await page.save();
		expect(reload).toHaveBeenCalledOnce();
		expect(page.problem).toMatch(
			/^The deck is stored, but the list of decks could not be read again: /
		);
		expect(page.done?.changes.added).toHaveLength(4);
		expect((await loadDecks(await app.ready())).some((deck) => deck.id === 'own-acme')).toBe(true);
		expect(page.saving).toBe(false);
		reload.mockRestore();
		leave();
	});
});
