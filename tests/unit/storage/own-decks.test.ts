import { describe, expect, it } from 'vitest';
import { deckIndex } from '$lib/content/deck';
import { parseDeck } from '$lib/content/schema';
import { exportDeck } from '$lib/export/deck';
import { ownDeck, newOwnDeckId, type OwnCard, type OwnDeck } from '$lib/import/own-deck';
import type { ImportedBasicCard } from '$lib/import/types';
import { loadCardStates } from '$lib/storage/cards';
import { deleteOwnDeck, loadDecks, storeDeck } from '$lib/storage/decks';
import { recordAnswer } from '$lib/state/answers';
import { syncDecks } from '$lib/state/deck-sync';
import { Rating } from '$lib/srs/types';
import { deckFrom, TERMS } from '../content/notes';
import { freshDB, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const PARAMS = { retention: 0.9, fuzz: false };

function cardOf(key: string, front: string, back: string, line: number): ImportedBasicCard {
	return { key, kind: 'basic', front, back, tags: [], line };
}

const stack = cardOf('our stack', 'What does Acme run on?', 'Kubernetes on two clouds.', 1);
const team = cardOf('team size', 'How many engineers does Acme have?', 'About 120.', 2);
const cloze = {
	key: 'founded',
	kind: 'cloze',
	text: 'Acme was founded in […].',
	answer: '2015',
	cloze: 1,
	tags: ['company'],
	line: 3
} as const satisfies OwnCard;

function acme(cards: OwnCard[], previous?: OwnDeck, now = NOW): OwnDeck {
	return ownDeck(
		{ id: 'own-acme', title: 'Acme', file: 'acme.txt', order: 1000, now },
		cards,
		previous
	);
}

async function answered(db: Awaited<ReturnType<typeof freshDB>>, deck: OwnDeck) {
	for (const item of deck.items) {
		await recordAnswer(db, {
			card: { id: item.id, deck: deck.id },
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params: PARAMS
		});
	}
}

describe('own decks', () => {
	it('are named by their title, kept apart from decks already there', () => {
		expect(newOwnDeckId('Acme: our stack!', new Set())).toBe('own-acme-our-stack');
		expect(newOwnDeckId('Acme', new Set(['own-acme', 'own-acme-2']))).toBe('own-acme-3');
		expect(newOwnDeckId('日本', new Set())).toBe('own-deck');
	});

	it('make cards and clozes with ids from their keys, a key given twice once', () => {
		const deck = acme([stack, team, cloze, { ...stack, front: 'Again?' }]);
		expect(deck.items.map((item) => item.id)).toEqual([
			'own-acme/cards/our-stack/basic',
			'own-acme/cards/team-size/basic',
			'own-acme/cards/founded/cloze'
		]);
		expect(deck.items[2]).toMatchObject({ kind: 'cloze', text: 'Acme was founded in […].' });
		expect(deck.counts).toMatchObject({ basic: 2, cloze: 1, mcq: 0 });
		// A key with nothing to slug, or too long to keep whole, is hashed: two stay two.
		const long = 'a '.repeat(60);
		const odd = acme([
			cardOf('???', 'Q', 'A', 1),
			cardOf(long, 'Q2', 'A2', 2),
			cardOf(long + 'b', 'Q3', 'A3', 3)
		]);
		expect(new Set(odd.items.map((item) => item.id)).size).toBe(3);
		for (const item of odd.items) expect(item.id).toMatch(/^own-acme\/cards\/k-[a-z0-9]+\/basic$/);
	});

	it('keep the tags and Back Extra their cards came with, stored and in the exports', async () => {
		const tagged = { ...stack, tags: ['infra', 'acme_2026'] };
		const deck = acme([tagged, team, { ...cloze, extra: 'In a garage in Lyon.' }]);
		expect(deck.items.map((item) => ('tags' in item ? item.tags : undefined))).toEqual([
			['infra', 'acme_2026'],
			undefined,
			['company']
		]);
		const db = await freshDB();
		await storeDeck(db, deck, NOW);
		const [stored] = (await loadDecks(db)).filter((other) => other.id === deck.id);
		expect(stored?.items[0]).toMatchObject({ tags: ['infra', 'acme_2026'] });
		// A stored deck read back is checked against the deck schema: the tags are kept by it.
		expect(parseDeck(JSON.parse(JSON.stringify(stored))).items[0]).toMatchObject({
			tags: ['infra', 'acme_2026']
		});

		const anki = exportDeck(stored!, 'anki-text').text;
		expect(anki).toContain('#tags column:4\n');
		expect(anki).toContain(
			'\nBasic\tWhat does Acme run on?\tKubernetes on two clouds.\tinfra acme_2026\n'
		);
		// A cloze keeps Anki's "Back Extra", and writes it back in its column.
		expect(stored?.items[2]).toMatchObject({ kind: 'cloze', extra: 'In a garage in Lyon.' });
		expect(anki).toContain(
			'\nCloze\tAcme was founded in {{c1::2015}}.\tIn a garage in Lyon.\tcompany\n'
		);
		const csv = exportDeck(stored!, 'csv').text;
		expect(csv).toContain('What does Acme run on?,Kubernetes on two clouds.,infra acme_2026');
	});

	it('imported again from a corrected file keep the history of every card still in it', async () => {
		const db = await freshDB();
		const first = acme([stack, team]);
		await storeDeck(db, first, NOW);
		await answered(db, first);
		const before = await loadCardStates(db);

		const corrected = acme(
			[{ ...stack, back: 'Kubernetes on one cloud.' }, cloze],
			first,
			NOW + 86_400_000
		);
		const changes = await storeDeck(db, corrected, NOW + 86_400_000);
		expect(changes).toEqual({
			added: ['own-acme/cards/founded/cloze'],
			changed: ['own-acme/cards/our-stack/basic'],
			retired: ['own-acme/cards/team-size/basic']
		});
		const after = await loadCardStates(db);
		const stackId = 'own-acme/cards/our-stack/basic';
		expect(after.get(stackId)).toEqual(before.get(stackId));
		expect(after.get('own-acme/cards/team-size/basic')?.retired).toBe(true);
		const [stored] = await loadDecks(db);
		expect(stored?.own).toEqual({ file: 'acme.txt', createdAt: NOW, updatedAt: NOW + 86_400_000 });
	});

	it('stay when the published decks are synced, which never lists them', async () => {
		const db = await freshDB();
		const mine = acme([stack, team]);
		await storeDeck(db, mine, NOW);
		await answered(db, mine);
		const published = deckFrom(TERMS);
		const files = new Map<string, unknown>([
			['/decks/index.json', deckIndex([published])],
			[published.url, published]
		]);
		const result = await syncDecks(db, async (url) => structuredClone(files.get(url)), NOW);
		expect(result.decks.map((deck) => deck.id).sort()).toEqual(['own-acme', published.id].sort());
		expect((await loadDecks(db)).map((deck) => deck.id)).toContain('own-acme');
		const states = await loadCardStates(db);
		for (const item of mine.items) expect(states.get(item.id)?.retired).toBe(false);
	});

	it('are deleted with their cards and reviews, and nothing else', async () => {
		const db = await freshDB();
		const mine = acme([stack, team]);
		const other = ownDeck(
			{ id: 'own-other', title: 'Other', file: 'o.csv', order: 1001, now: NOW },
			[stack]
		);
		for (const deck of [mine, other]) {
			await storeDeck(db, deck, NOW);
			await answered(db, deck);
		}
		expect(await deleteOwnDeck(db, 'own-acme')).toEqual({ cards: 2, reviews: 2 });
		expect((await loadDecks(db)).map((deck) => deck.id)).toEqual(['own-other']);
		const states = await loadCardStates(db);
		expect([...states.keys()]).toEqual(['own-other/cards/our-stack/basic']);
		expect(await reviewsOfCard(db, 'own-acme/cards/our-stack/basic')).toEqual([]);
		expect(await reviewsOfCard(db, 'own-other/cards/our-stack/basic')).toHaveLength(1);
		await expect(deleteOwnDeck(db, 'cto-role')).rejects.toThrow('not an own deck');
	});
});
