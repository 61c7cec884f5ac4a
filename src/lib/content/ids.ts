// Item ids are slugs joined by slashes: `deck/topic/key…/kind`.

/** The deck an item belongs to: the first part of its id. */
export function deckOf(itemId: string): string {
	return itemId.slice(0, itemId.indexOf('/'));
}

/** The fact of an item: its id without the kind. Items of one fact are siblings. */
export function factOf(itemId: string): string {
	return itemId.slice(0, itemId.lastIndexOf('/'));
}

/** Every own deck's id starts with it (the learner's imported cards); no published deck's may. */
export const OWN_PREFIX = 'own-';

/** Whether a deck id names one of the learner's own decks. */
export function isOwnDeckId(deckId: string): boolean {
	return deckId.startsWith(OWN_PREFIX);
}
