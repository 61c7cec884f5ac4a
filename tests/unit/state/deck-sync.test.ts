import { describe, expect, it } from 'vitest';
import { deckIndex } from '$lib/content/deck';
import type { Deck } from '$lib/content/types';
import { loadCardStates } from '$lib/storage/cards';
import { loadDecks, storeDeck } from '$lib/storage/decks';
import { newCardState } from '$lib/srs/scheduler';
import { syncDecks, type FetchJson } from '$lib/state/deck-sync';
import { freshDB } from '../storage/db';
import { deckFrom, TABLE, TERMS } from '../content/notes';

const NOW = Date.UTC(2026, 10, 23, 9, 0);

function site(decks: Deck[]): { fetchJson: FetchJson; requests: string[] } {
	const requests: string[] = [];
	const files = new Map<string, unknown>([['/decks/index.json', deckIndex(decks)]]);
	for (const deck of decks) files.set(deck.url, deck);
	return {
		requests,
		fetchJson: async (url) => {
			requests.push(url);
			if (!files.has(url)) throw new Error(`404 ${url}`);
			return structuredClone(files.get(url));
		}
	};
}

describe('syncing decks', () => {
	const v1 = deckFrom(TERMS);
	const v2 = deckFrom(TERMS + '\n' + TABLE);

	it('fetches every deck the first time and nothing when nothing changed', async () => {
		const db = await freshDB();
		const first = site([v1]);
		const result = await syncDecks(db, first.fetchJson, NOW);
		expect(result.decks.map((deck) => deck.hash)).toEqual([v1.hash]);
		expect(first.requests).toEqual(['/decks/index.json', '/decks/test.json']);

		const again = site([v1]);
		await syncDecks(db, again.fetchJson, NOW);
		expect(again.requests).toEqual(['/decks/index.json']);
	});

	it('returns the decks it was given, not a second copy, when nothing changed', async () => {
		const db = await freshDB();
		await syncDecks(db, site([v1]).fetchJson, NOW);
		const known = await loadDecks(db);
		const result = await syncDecks(db, site([v1]).fetchJson, NOW, known);
		expect(result.decks).toBe(known);
		const changed = await syncDecks(db, site([v2]).fetchJson, NOW, known);
		expect(changed.decks[0]?.hash).toBe(v2.hash);
	});

	it('merges a changed deck and reports what changed', async () => {
		const db = await freshDB();
		await syncDecks(db, site([v1]).fetchJson, NOW);
		const result = await syncDecks(db, site([v2]).fetchJson, NOW);
		expect(result.decks[0]?.hash).toBe(v2.hash);
		expect(result.changes.get('test')?.added.length).toBe(v2.items.length - v1.items.length);
	});

	it('uses the stored decks when the index cannot be read', async () => {
		const db = await freshDB();
		await storeDeck(db, v1, NOW);
		const result = await syncDecks(
			db,
			async () => {
				throw new TypeError('Failed to fetch');
			},
			NOW
		);
		// Offline is no error: the stored decks stay, unchanged.
		expect(result.decks.map((deck) => deck.id)).toEqual(['test']);
		expect(result.changes.size).toBe(0);
	});

	it('refuses a malformed deck and keeps what was stored', async () => {
		const db = await freshDB();
		await storeDeck(db, v1, NOW);
		const broken = site([v2]);
		const fetchJson: FetchJson = async (url) => {
			const data = (await broken.fetchJson(url)) as Deck;
			return url.endsWith('test.json') ? { ...data, items: [{ id: 'x', kind: 'mcq' }] } : data;
		};
		await expect(syncDecks(db, fetchJson, NOW)).rejects.toThrow(
			'The site sent a deck the app cannot read, so nothing of it was stored.'
		);
		expect((await loadDecks(db))[0]?.hash).toBe(v1.hash);
	});

	it('returns exactly the decks it stored, in deck order, without reading them back', async () => {
		const db = await freshDB();
		const deck = (id: string, order: number, from = v1): Deck => ({
			...from,
			id,
			order,
			url: `/decks/${id}.json`
		});
		const steps = [
			[deck('b', 2), deck('a', 1), deck('c', 3)],
			// One changed, one gone, one new, one unchanged.
			[deck('a', 1, v2), deck('c', 3), deck('d', 0)],
			[deck('d', 0)]
		];
		let known = await loadDecks(db);
		for (const published of steps) {
			const result = await syncDecks(db, site(published).fetchJson, NOW, known);
			expect(result.decks).toEqual(await loadDecks(db));
			expect(result.decks.map((each) => each.id)).toEqual(
				[...published].sort((x, y) => x.order - y.order).map((each) => each.id)
			);
			known = result.decks;
		}
	});

	it('retires the cards of a deck that is no longer published', async () => {
		const db = await freshDB();
		await syncDecks(db, site([v1]).fetchJson, NOW);
		await db.put('cards', { ...newCardState(v1.items[0]?.id ?? '', 'test', NOW), reps: 1 });
		const other = deckFrom(TERMS.replace('## Strategic roles', '## Other roles'));
		await syncDecks(db, site([{ ...other, id: 'other', url: '/decks/other.json' }]).fetchJson, NOW);
		expect((await loadDecks(db)).map((deck) => deck.id)).toEqual(['other']);
		expect([...(await loadCardStates(db)).values()].every((state) => state.retired)).toBe(true);
	});

	it('retires cards of a deck this device never had (brought by a backup), and only those', async () => {
		const db = await freshDB();
		const foreign = { ...newCardState('elsewhere/topic/fact/basic', 'elsewhere', NOW), reps: 2 };
		const ours = { ...newCardState(v1.items[0]?.id ?? '', 'test', NOW), reps: 1 };
		await db.put('cards', foreign);
		await db.put('cards', ours);
		await syncDecks(db, site([v1]).fetchJson, NOW);
		const states = await loadCardStates(db);
		expect(states.get(foreign.id)?.retired).toBe(true);
		expect(states.get(ours.id)?.retired).toBe(false);
	});
});
