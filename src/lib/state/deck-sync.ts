import { parseDeck, parseDeckIndex } from '$lib/content/schema';
import { isOwnDeckId } from '$lib/content/ids';
import { resolveMoves } from '$lib/srs/moves';
import { replayCard } from '$lib/srs/scheduler';
import { yieldToMain } from '$lib/yield';
import { itemIdsWithHistory, moveProgress } from '$lib/storage/moves';
import type { StoredDeck, StudyDatabase } from '$lib/storage/db';
import {
	deckIdsWithCards,
	deckOrder,
	loadDecks,
	retireDeck,
	storeDeck,
	type DeckChanges
} from '$lib/storage/decks';

/** Reads JSON from a URL of the site (through the service worker's cache when offline). */
export type FetchJson = (url: string) => Promise<unknown>;

/** The outcome of bringing the stored decks up to date. */
export interface DeckSync {
	decks: StoredDeck[];
	/** Per deck that changed, what changed. */
	changes: Map<string, DeckChanges>;
}

/**
 * Brings the decks kept in IndexedDB up to date with the published ones: only decks whose content
 * hash changed are fetched, each is merged with the learner's progress, and decks that are no longer
 * published are retired. Without a network (and no cached index) the stored decks are used.
 * @param known the stored decks when the caller has just read them: they are not read again, and
 *   when nothing changed they are what is returned (the same array), so a large library is never
 *   held twice
 */
export async function syncDecks(
	db: StudyDatabase,
	fetchJson: FetchJson,
	now: number,
	known?: StoredDeck[]
): Promise<DeckSync> {
	const changes = new Map<string, DeckChanges>();
	const current = known ?? (await loadDecks(db));
	let index;
	try {
		index = parseDeckIndex(await fetchJson('/decks/index.json'));
	} catch {
		// Offline (or the index could not be read): the stored decks are used as they are.
		return { decks: current, changes };
	}
	const stored = new Map(current.map((deck) => [deck.id, deck]));
	const fresh = new Map<string, StoredDeck>();
	for (const summary of index.decks) {
		if (stored.get(summary.id)?.hash === summary.hash) continue;
		// Parsing, checking and storing a deck each take a slice of their own: on a first visit
		// they run while the learner may already tap.
		const json = await fetchJson(summary.url);
		await yieldToMain();
		const deck = parseDeck(json);
		await yieldToMain();
		changes.set(deck.id, await storeDeck(db, deck, now));
		fresh.set(deck.id, { ...deck, fetchedAt: now });
	}
	const published = new Set(index.decks.map((deck) => deck.id));
	let updated = fresh.size > 0;
	for (const id of stored.keys()) {
		// The learner's own decks are not published: they stay until the learner deletes them.
		if (published.has(id) || isOwnDeckId(id)) continue;
		await retireDeck(db, id);
		updated = true;
	}
	// Cards of a deck this device never stored, from a backup imported before any deck was: settled
	// when the decks change, not on every start-up.
	if (updated) {
		for (const id of await deckIdsWithCards(db)) {
			if (!published.has(id) && !stored.has(id)) await retireDeck(db, id);
		}
	}
	// What was just stored, not read back: reading every deck again would block the page once more.
	const decks = updated ? inDeckOrder(current, fresh, published) : current;
	if (updated) await settleMoves(db, decks);
	return { decks, changes };
}

/** The decks now stored: the published ones (new versions where just stored) and own ones. */
function inDeckOrder(
	current: readonly StoredDeck[],
	fresh: ReadonlyMap<string, StoredDeck>,
	published: ReadonlySet<string>
): StoredDeck[] {
	const kept = current.filter(
		(deck) => (published.has(deck.id) || isOwnDeckId(deck.id)) && !fresh.has(deck.id)
	);
	return [...kept, ...fresh.values()].sort(deckOrder);
}

/** Fetches JSON with the browser's fetch, failing on HTTP errors. */
export const fetchJson: FetchJson = async (url) => {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
};

/**
 * Files the history of items that moved (a fact merged into another, a term renamed) under their
 * new ids, as the decks' `moved` maps say. Run when the decks change and after an import (a backup
 * may come from before a move); a no-op once everything is settled.
 * @returns how many cards' histories moved
 */
export async function settleMoves(
	db: StudyDatabase,
	decks: readonly Pick<StoredDeck, 'items' | 'moved'>[]
): Promise<number> {
	if (!decks.some((deck) => deck.moved && Object.keys(deck.moved).length > 0)) return 0;
	const moves = resolveMoves(decks, await itemIdsWithHistory(db));
	return moveProgress(db, moves, replayCard);
}
