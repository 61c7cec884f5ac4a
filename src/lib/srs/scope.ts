import { isCardItem, type CardItem, type Deck } from '$lib/content/types';
import type { StudyCard } from './queue';

/** What a session studies: all decks, one deck, or one topic of a deck. */
export interface StudyScope {
	deck?: string;
	topic?: string;
}

/** The sentence of the notes a card was cut from: cards of one sentence are siblings. */
export function sentenceOf(deck: string, item: Pick<CardItem, 'source'>): string {
	return `${deck}/${item.source.file}:${item.source.line}`;
}

/** The scope a choice of a deck-or-topic picker stands for: "" (all), "<deck>" or "<deck>/<topic>". */
export function scopeOf(choice: string): StudyScope {
	const [deck, topic] = choice.split('/');
	return { deck: deck || undefined, topic: topic || undefined };
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
			cards.push({
				id: item.id,
				deck: deck.id,
				fact: item.fact,
				sentence: sentenceOf(deck.id, item)
			});
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
