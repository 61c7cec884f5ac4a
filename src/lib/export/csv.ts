import Papa from 'papaparse';
import { toAnkiCloze } from '$lib/import/cloze';
import { tagField, type ExportDeck } from './cards';

/** The columns of an exported CSV file, named in its header row. */
export const CSV_COLUMNS = ['front', 'back', 'tags'] as const;

/**
 * A deck as CSV (comma-separated, quoted where needed, with a header row `front,back,tags`), for
 * spreadsheets and other apps. A cloze card's front is written as an Anki cloze note
 * (`{{c1::answer}}`), which this app and Anki read back as a cloze card, and its back holds the
 * answer for apps that do not. Text is written as it is (no `'` before a leading `=`), so that the
 * file reads back into the same cards.
 */
export function deckToCsv(deck: ExportDeck): string {
	const data = deck.cards.map((card) =>
		card.kind === 'cloze'
			? [
					toAnkiCloze(card.text, card.answer, card.hint, card.cloze),
					card.answer,
					tagField(card.tags)
				]
			: [card.front, card.back, tagField(card.tags)]
	);
	return `${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n' })}\r\n`;
}
