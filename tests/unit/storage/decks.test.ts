import { describe, expect, it } from 'vitest';
import { countKinds } from '$lib/content/deck';
import type { BasicItem, Deck } from '$lib/content/types';
import { loadCardStates } from '$lib/storage/cards';
import { recordAnswer } from '$lib/state/answers';
import { loadDecks, retireDeck, storeDeck } from '$lib/storage/decks';
import { Rating } from '$lib/srs/types';
import { freshDB, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const PARAMS = { retention: 0.9, fuzz: false };

function card(term: string, back: string): BasicItem {
	const fact = `roles/strategic-roles/${term}`;
	return {
		id: `${fact}/basic`,
		kind: 'basic',
		topic: 'strategic-roles',
		fact,
		source: { file: 'roles.md', heading: 'Strategic roles', anchor: 'strategic-roles', line: 3 },
		front: term,
		back
	};
}

function deck(items: BasicItem[], hash: string): Deck {
	return {
		id: 'roles',
		title: 'Roles',
		description: 'Roles.',
		order: 1,
		url: '/decks/roles.json',
		hash,
		counts: countKinds(items),
		topics: [{ id: 'strategic-roles', title: 'Strategic roles' }],
		items
	};
}

const strategy = card('strategy', 'A roadmap.');
const team = card('team', 'Leading engineers.');
const security = card('security', 'Managing risk.');

async function studied() {
	const db = await freshDB();
	await storeDeck(db, deck([strategy, team], 'v1'), NOW);
	for (const item of [strategy, team]) {
		await recordAnswer(db, {
			card: { id: item.id, deck: 'roles' },
			grade: Rating.Good,
			mode: 'review',
			now: NOW,
			durationMs: 1000,
			params: PARAMS
		});
	}
	return db;
}

describe('storing a new version of a deck', () => {
	it('adds new items as new cards', async () => {
		const db = await studied();
		const changes = await storeDeck(db, deck([strategy, team, security], 'v2'), NOW);
		expect(changes).toEqual({ added: [security.id], changed: [], retired: [] });
		const [stored] = await loadDecks(db);
		expect(stored?.items.map((item) => item.id)).toContain(security.id);
		expect((await loadCardStates(db)).has(security.id)).toBe(false);
	});

	it('updates changed text in place and keeps the progress', async () => {
		const db = await studied();
		const before = (await loadCardStates(db)).get(strategy.id);
		const reworded = { ...strategy, back: 'A plan that ties technology to business goals.' };
		const changes = await storeDeck(db, deck([reworded, team], 'v2'), NOW);
		expect(changes.changed).toEqual([strategy.id]);
		const [stored] = await loadDecks(db);
		expect(stored?.items[0]).toMatchObject({
			back: 'A plan that ties technology to business goals.'
		});
		expect((await loadCardStates(db)).get(strategy.id)).toEqual(before);
	});

	it('retires removed items, keeping their history, and brings them back if they return', async () => {
		const db = await studied();
		const changes = await storeDeck(db, deck([strategy], 'v2'), NOW);
		expect(changes.retired).toEqual([team.id]);
		expect((await loadCardStates(db)).get(team.id)?.retired).toBe(true);
		expect(await reviewsOfCard(db, team.id)).toHaveLength(1);

		await storeDeck(db, deck([strategy, team], 'v3'), NOW);
		expect((await loadCardStates(db)).get(team.id)?.retired).toBe(false);
	});

	it('retires every card of a deck that is no longer published', async () => {
		const db = await studied();
		await retireDeck(db, 'roles');
		expect(await loadDecks(db)).toEqual([]);
		const states = await loadCardStates(db);
		expect([...states.values()].every((state) => state.retired)).toBe(true);
		expect(await reviewsOfCard(db, strategy.id)).toHaveLength(1);
	});
});
