import type { Deck } from '$lib/content/types';
import type { CardState } from '$lib/srs/types';

// The one rule for retiring cards, wherever cards are written (a deck update, a deck that is no
// longer published, an imported backup): a card is studied while its item is in a deck on this
// device, and retired (history kept, never shown) when it is not.

/** The item ids of each deck on this device, by deck id. */
export type LiveItems = ReadonlyMap<string, ReadonlySet<string>>;

/** The item ids of each deck, by deck id. */
export function liveItems(decks: readonly Pick<Deck, 'id' | 'items'>[]): LiveItems {
	return new Map(decks.map((deck) => [deck.id, new Set(deck.items.map((item) => item.id))]));
}

/** Whether a card is retired, by the decks on this device. */
export function isRetired(card: Pick<CardState, 'id' | 'deck'>, live: LiveItems): boolean {
	return !live.get(card.deck)?.has(card.id);
}

/** The card with its retired flag set by the decks on this device (the same object when right). */
export function settleRetired<T extends CardState>(card: T, live: LiveItems): T {
	const retired = isRetired(card, live);
	return retired === card.retired ? card : { ...card, retired };
}
