import type { Deck, Item } from '$lib/content/types';
import { AppError } from '$lib/errors';
import { isOwnDeckId } from '$lib/content/ids';
import type { StoredDeck, StudyDatabase } from './db';
import { toStorageError } from './errors';
import { uniqueKeys } from './keys';
import { liveItems, settleRetired } from './retire';
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
 */
export async function storeDeck(
	db: StudyDatabase,
	deck: Deck & Pick<StoredDeck, 'own'>,
	now: number
): Promise<DeckChanges> {
	const tx = db.transaction(['decks', 'cards'], 'readwrite');
	return inTransaction(tx, async () => {
		const decks = tx.objectStore('decks');
		const previous = await decks.get(deck.id);
		const changes = compareItems(previous?.items ?? [], deck.items);
		const live = liveItems([deck]);
		write(decks.put({ ...deck, fetchedAt: now }));
		let cursor = await tx.objectStore('cards').index('by-deck').openCursor(deck.id);
		while (cursor) {
			const settled = settleRetired(cursor.value, live);
			if (settled !== cursor.value) write(cursor.update(settled));
			cursor = await cursor.continue();
		}
		return changes;
	});
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
 * transaction (the page asks first, naming what goes). Published decks are never deleted.
 * @returns how many cards and reviews went
 */
export async function deleteOwnDeck(
	db: StudyDatabase,
	deckId: string
): Promise<{ cards: number; reviews: number }> {
	if (!isOwnDeckId(deckId)) throw new Error(`${deckId} is not an own deck`);
	// Own decks do not sync yet, so their answers' removal is not sent: another device may keep the
	// deck (from a backup) and go on studying it.
	const tx = db.transaction(['decks', 'cards', 'reviews'], 'readwrite');
	return inTransaction(tx, async () => {
		write(tx.objectStore('decks').delete(deckId));
		const byCard = tx.objectStore('reviews').index('by-card');
		const gone = { cards: 0, reviews: 0 };
		let cursor = await tx.objectStore('cards').index('by-deck').openCursor(deckId);
		while (cursor) {
			let review = await byCard.openCursor(cursor.value.id);
			while (review) {
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
 * it changed, or throws to change nothing.
 * @throws what `change` throws; StorageError when storage fails; nothing is stored then
 */
export async function changeOwnDeck(
	db: StudyDatabase,
	deckId: string,
	change: (deck: StoredDeck & Required<Pick<StoredDeck, 'own'>>) => Deck & Pick<StoredDeck, 'own'>,
	now: number
): Promise<void> {
	const tx = db.transaction('decks', 'readwrite');
	await inTransaction(tx, async () => {
		const stored = await tx.store.get(deckId);
		if (!stored?.own) throw new OwnDeckGoneError();
		write(tx.store.put({ ...change({ ...stored, own: stored.own }), fetchedAt: now }));
	});
}

/** The own deck to change is no longer on this device (deleted meanwhile, here or in another tab). */
export class OwnDeckGoneError extends AppError {
	constructor() {
		super('This deck is no longer on this device.');
		this.name = 'OwnDeckGoneError';
	}
}
