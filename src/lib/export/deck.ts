import { isCardItem, type Deck } from '$lib/content/types';
import { deckToAnkiText } from './anki-text';
import { exportFileName, type ExportCard } from './cards';
import { deckToCsv } from './csv';

/** The formats a deck is exported in. */
export type ExportFormat = 'anki-text' | 'csv';

/** An exported deck: the file's text, name and type, and how many cards it holds. */
export interface ExportedDeck {
	text: string;
	name: string;
	type: string;
	cards: number;
}

/**
 * A deck's flashcards as a file another app imports (Anki text or CSV), in the deck's order.
 * Quiz questions and interview prompts are not flashcards and stay out.
 */
export function exportDeck(deck: Deck, format: ExportFormat): ExportedDeck {
	const cards: ExportCard[] = deck.items.filter(isCardItem).map((item) => {
		const tags = item.tags ?? [];
		return item.kind === 'cloze'
			? { kind: 'cloze', text: item.text, answer: item.answer, extra: item.extra, tags }
			: { kind: item.kind, front: item.front, back: item.back, tags };
	});
	const named = { name: deck.title, cards };
	return {
		text: format === 'csv' ? deckToCsv(named) : deckToAnkiText(named),
		name: exportFileName(deck.title, format),
		type: format === 'csv' ? 'text/csv' : 'text/plain',
		cards: cards.length
	};
}
