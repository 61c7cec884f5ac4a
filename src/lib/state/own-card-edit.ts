import { deckOf } from '$lib/content/ids';
import { AppError } from '$lib/errors';
import { editedOwnCard, type CardSides } from '$lib/import/own-deck';
import { storeDeck } from '$lib/storage/decks';
import { app } from './app.svelte';
import type { StoredOwnDeck } from './import-page.svelte';

/**
 * Edits one of the learner's imported cards in place and stores its deck (one transaction): the
 * card keeps its id, its schedule and its answers.
 * @throws AppError (or a storage error) saying why it was not stored; nothing changed then
 */
export async function editOwnCard(itemId: string, sides: CardSides): Promise<void> {
	const deck = app.decks.find((stored) => stored.id === deckOf(itemId));
	if (!deck?.own) throw new AppError('Only the cards of your own decks can be edited.');
	const now = Date.now();
	await storeDeck(await app.ready(), editedOwnCard(deck as StoredOwnDeck, itemId, sides, now), now);
	await app.reloadDecks();
}
