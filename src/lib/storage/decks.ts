import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Deck, Item } from '$lib/content/types';
import { AppError } from '$lib/errors';
import { isOwnDeckId } from '$lib/content/ids';
import { stamp } from './clock';
import type { StoredDeck, StudyDatabase, StudyDB } from './db';
import { toStorageError } from './errors';
import { uniqueKeys } from './keys';
import { liveItems, settleRetired } from './retire';
import { noteDeckRemoval, noteRemovals } from './removals';
import { inTransaction, write } from './transaction';

/** Every deck kept on the device, in deck order. */
export async function loadDecks(db: StudyDatabase): Promise<StoredDeck[]> {
	try {
		const decks = await db.getAll('decks');
		return decks.sort(deckOrder);
	} catch (error) {
		throw toStorageError(error);
	}
}

/** The order decks are shown in: by their `order`, then by id. */
export function deckOrder(a: StoredDeck, b: StoredDeck): number {
	return a.order - b.order || a.id.localeCompare(b.id);
}

/** What changed when a new version of a deck was stored. */
export interface DeckChanges {
	/** Items that are new: they appear as new cards. */
	added: string[];
	/** Items whose text changed: they keep their progress. */
	changed: string[];
	/** Items that are gone: their history is kept, but they are no longer shown. */
	retired: string[];
}

/**
 * Stores a new version of a deck and merges it with the learner's progress by stable item id, in
 * one transaction: new items become new cards, changed items keep their progress, items that are
 * gone are retired (history kept, no longer studied), and items that come back are un-retired.
 * An own deck is stamped with a new reading of this device's clock in the same transaction (see
 * stamp), so that its newest edit wins when devices sync.
 */
export async function storeDeck(
	db: StudyDatabase,
	deck: Deck & Pick<StoredDeck, 'own'>,
	now: number
): Promise<DeckChanges> {
	const tx = db.transaction(['decks', 'cards', 'settings'], 'readwrite');
	return inTransaction(tx, async () => {
		const decks = tx.objectStore('decks');
		const previous = await decks.get(deck.id);
		const changes = compareItems(previous?.items ?? [], deck.items);
		// A deck read back from storage (renamed, say) brings its old reading: it gets a new one.
		const fresh: Partial<StoredDeck> = { ...deck };
		delete fresh.hlc;
		if (deck.own) fresh.hlc = await stamp(tx.objectStore('settings'), now);
		write(decks.put({ ...(fresh as StoredDeck), fetchedAt: now }));
		await settleDeckCards(tx.objectStore('cards'), deck);
		return changes;
	});
}

/** The cards store, inside a read-write transaction that may span other stores too. */
export type CardStore = IDBPObjectStore<
	StudyDB,
	ArrayLike<StoreNames<StudyDB>>,
	'cards',
	'readwrite'
>;

/**
 * Retires the cards of a deck just stored whose items it no longer has, and un-retires those it
 * has again, in the caller's transaction.
 */
export async function settleDeckCards(
	cards: CardStore,
	deck: Pick<Deck, 'id' | 'items'>
): Promise<void> {
	const live = liveItems([deck]);
	let cursor = await cards.index('by-deck').openCursor(deck.id);
	while (cursor) {
		const settled = settleRetired(cursor.value, live);
		if (settled !== cursor.value) write(cursor.update(settled));
		cursor = await cursor.continue();
	}
}

/**
 * Removes a deck that is no longer published; the learner's history of its cards is kept, and the
 * cards are retired.
 */
export async function retireDeck(db: StudyDatabase, deckId: string): Promise<void> {
	const tx = db.transaction(['decks', 'cards'], 'readwrite');
	await inTransaction(tx, async () => {
		write(tx.objectStore('decks').delete(deckId));
		let cursor = await tx.objectStore('cards').index('by-deck').openCursor(deckId);
		// The deck is gone: none of its items is on this device any more.
		const live = liveItems([]);
		while (cursor) {
			const settled = settleRetired(cursor.value, live);
			if (settled !== cursor.value) write(cursor.update(settled));
			cursor = await cursor.continue();
		}
	});
}

/**
 * Deletes an own deck and everything learnt of it: its cards' states and their reviews, in one
 * transaction (the page asks first, naming what goes). Published decks are never deleted. While
 * this device syncs, the deletions are noted for the other devices (see noteRemovals).
 * @returns how many cards and reviews went
 */
export async function deleteOwnDeck(
	db: StudyDatabase,
	deckId: string,
	now = Date.now()
): Promise<{ cards: number; reviews: number }> {
	if (!isOwnDeckId(deckId)) throw new Error(`${deckId} is not an own deck`);
	const tx = db.transaction(['decks', 'cards', 'reviews', 'settings', 'removals'], 'readwrite');
	return inTransaction(tx, async () => {
		write(tx.objectStore('decks').delete(deckId));
		await noteDeckRemoval(tx, deckId, now);
		const byCard = tx.objectStore('reviews').index('by-card');
		const gone = { cards: 0, reviews: 0 };
		let cursor = await tx.objectStore('cards').index('by-deck').openCursor(deckId);
		while (cursor) {
			let review = await byCard.openCursor(cursor.value.id);
			while (review) {
				await noteRemovals(tx, 'reviews', [review.value], now);
				write(review.delete());
				gone.reviews++;
				review = await review.continue();
			}
			write(cursor.delete());
			gone.cards++;
			cursor = await cursor.continue();
		}
		return gone;
	});
}

/** The decks that have card states on this device, stored or not: each id once. */
export function deckIdsWithCards(db: StudyDatabase): Promise<string[]> {
	return uniqueKeys(db, { store: 'cards', index: 'by-deck' });
}

function compareItems(before: readonly Item[], after: readonly Item[]): DeckChanges {
	const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
	const current = new Set(after.map((item) => item.id));
	const changes: DeckChanges = { added: [], changed: [], retired: [] };
	for (const item of after) {
		const earlier = old.get(item.id);
		if (earlier === undefined) changes.added.push(item.id);
		else if (earlier !== JSON.stringify(item)) changes.changed.push(item.id);
	}
	for (const id of old.keys()) if (!current.has(id)) changes.retired.push(id);
	return changes;
}

/**
 * Changes one of the learner's own decks in one transaction, its items keeping their ids: `change`
 * is given the deck as stored now (an edit made meanwhile in another tab is not lost) and returns
 * it changed, or throws to change nothing. The deck is stamped as storeDeck stamps it.
 * @throws what `change` throws; StorageError when storage fails; nothing is stored then
 */
export async function changeOwnDeck(
	db: StudyDatabase,
	deckId: string,
	change: (deck: StoredDeck & Required<Pick<StoredDeck, 'own'>>) => Deck & Pick<StoredDeck, 'own'>,
	now: number
): Promise<void> {
	const tx = db.transaction(['decks', 'settings'], 'readwrite');
	await inTransaction(tx, async () => {
		const decks = tx.objectStore('decks');
		const stored = await decks.get(deckId);
		if (!stored?.own) throw new OwnDeckGoneError();
		const changed = change({ ...stored, own: stored.own });
		// Stamped as storeDeck stamps an own deck, so that the edit reaches other devices.
		const hlc = await stamp(tx.objectStore('settings'), now);
		write(decks.put({ ...changed, fetchedAt: now, hlc }));
	});
}

/** The own deck to change is no longer on this device (deleted meanwhile, here or in another tab). */
export class OwnDeckGoneError extends AppError {
	constructor() {
		super('This deck is no longer on this device.');
		this.name = 'OwnDeckGoneError';
	}
}
