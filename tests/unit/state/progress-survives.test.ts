import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '$lib/content/deck';
import { resolveMoves } from '$lib/srs/moves';
import { Rating } from '$lib/srs/types';
import { recordAnswer } from '$lib/state/answers';
import { storeDeck } from '$lib/storage/decks';
import { settleMoves } from '$lib/state/deck-sync';
import { freshDB } from '../storage/db';

// Every item id of the decks as published on 23 November 2026, before the notes were rewritten.
const published: Record<string, string[]> = JSON.parse(
	readFileSync(join(import.meta.dirname, '../fixtures/item-ids-2026-11-23.json'), 'utf8')
);
const contentDir = join(import.meta.dirname, '../../../content');
const { decks } = buildLibrary(
	readdirSync(contentDir)
		.filter((name) => name.endsWith('.md'))
		.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }))
);
const NOW = Date.UTC(2026, 10, 23, 9, 0);

describe('a learner who studied every card of the decks as they were on 23 November 2026', () => {
	it('keeps every answer when the rewritten decks arrive; moved facts take their history along', async () => {
		const db = await freshDB();
		const studied = Object.values(published)
			.flat()
			.filter((id) => /\/(basic|reverse|cloze|interview)$/.test(id));
		let now = NOW;
		for (const id of studied) {
			now += 60_000;
			await recordAnswer(db, {
				card: { id, deck: id.slice(0, id.indexOf('/')) },
				grade: Rating.Good,
				mode: id.endsWith('/interview') ? 'interview' : 'review',
				now,
				durationMs: 1000,
				params: { retention: 0.9, fuzz: false }
			});
		}
		for (const deck of decks) await storeDeck(db, deck, now);
		const moves = resolveMoves(decks, studied);
		expect(await settleMoves(db, decks)).toBe(moves.size);

		const live = new Set(decks.flatMap((deck) => deck.items.map((item) => item.id)));
		const reviews = await db.getAll('reviews');
		expect(reviews).toHaveLength(studied.length);
		const cards = new Map((await db.getAll('cards')).map((state) => [state.id, state]));
		for (const id of studied) {
			const home = moves.get(id) ?? id;
			// The answer is filed under the item that teaches the fact now, or kept where it was.
			expect(
				reviews.some((review) => review.card === home && review.time > 0),
				id
			).toBe(true);
			// A card still taught is studied; one whose fact is gone is retired, its history kept.
			expect(cards.get(home)?.retired, id).toBe(!live.has(home));
		}
		for (const target of moves.values()) expect(live.has(target), target).toBe(true);
	});
});
