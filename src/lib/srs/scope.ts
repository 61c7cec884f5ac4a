import { isCardItem, type CardItem, type Deck } from '$lib/content/types';
import type { StudyCard } from './queue';

/** What a session studies: all decks, one deck, or one topic of a deck. */
export interface StudyScope {
	deck?: string;
	topic?: string;
}

/**
 * The flashcards of a scope, in deck order, and their items by id. The map is built when it is first
 * read: the study page counts the cards of every deck and never reads it.
 */
export function cardsInScope(
	decks: readonly Deck[],
	scope: StudyScope
): { cards: StudyCard[]; readonly items: Map<string, CardItem> } {
	const cards: StudyCard[] = [];
	const found: CardItem[] = [];
	for (const deck of decks) {
		if (scope.deck && deck.id !== scope.deck) continue;
		for (const item of deck.items) {
			if (!isCardItem(item) || (scope.topic && item.topic !== scope.topic)) continue;
			cards.push({ id: item.id, deck: deck.id, fact: item.fact });
			found.push(item);
		}
	}
	let items: Map<string, CardItem> | undefined;
	return {
		cards,
		get items() {
			items ??= new Map(found.map((item) => [item.id, item]));
			return items;
		}
	};
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
