import { deckOf } from '$lib/content/ids';
import { AppError } from '$lib/errors';
import { editedOwnCard, type CardSides } from '$lib/import/own-deck';
import { changeOwnDeck } from '$lib/storage/decks';
import { app } from './app.svelte';
import { decksReadAgain } from './notes-form.svelte';

/** How a deck's cards are changed: in place (imported cards), in their notes, or not at all. */
export function editableAs(deckId: string): 'card' | 'notes' | null {
	const own = app.decks.find((deck) => deck.id === deckId)?.own;
	return !own ? null : own.notes === undefined ? 'card' : 'notes';
}

/**
 * Edits one of the learner's imported cards in place, in one transaction on the deck as stored:
 * the card keeps its id, its schedule and its answers.
 * @returns what to say when the decks could not be read again (the card is stored), or null
 * @throws AppError (or a storage error) saying why it was not stored; nothing changed then
 */
export async function editOwnCard(itemId: string, sides: CardSides): Promise<string | null> {
	const deckId = deckOf(itemId);
	if (!app.decks.find((stored) => stored.id === deckId)?.own) {
		throw new AppError('Only the cards of your own decks can be edited.');
	}
	const now = Date.now();
	await changeOwnDeck(
		await app.ready(),
		deckId,
		(deck) => editedOwnCard(deck, itemId, sides, now),
		now
	);
	return decksReadAgain();
}
