import { isCardItem, type CardItem, type Deck } from '$lib/content/types';
import type { StudyCard } from './queue';

/** What a session studies: all decks, one deck, or one topic of a deck. */
export interface StudyScope {
	deck?: string;
	topic?: string;
}

/** The flashcards of a scope, in deck order, and their items by id. */
export function cardsInScope(
	decks: readonly Deck[],
	scope: StudyScope
): { cards: StudyCard[]; items: Map<string, CardItem> } {
	const cards: StudyCard[] = [];
	const items = new Map<string, CardItem>();
	for (const deck of decks) {
		if (scope.deck && deck.id !== scope.deck) continue;
		for (const item of deck.items) {
			if (!isCardItem(item) || (scope.topic && item.topic !== scope.topic)) continue;
			cards.push({ id: item.id, deck: deck.id, fact: item.fact });
			items.set(item.id, item);
		}
	}
	return { cards, items };
}

/** The cards in a random order (Fisher–Yates), for cramming. */
export function shuffleCards<T>(cards: readonly T[], random: () => number): T[] {
	const copy = [...cards];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}
