import Papa from 'papaparse';
import { toAnkiCloze } from '$lib/import/cloze';
import { oneLine, tagField, type ExportDeck } from './cards';

/**
 * A deck as Anki's "Notes in Plain Text" (`.txt`), which Anki imports on a double-click: header
 * lines for the tab separator, plain text (`#html:false`, so Anki shows `<` as written), the deck
 * name, and the columns of the note type (when there are cloze cards: Basic or Cloze, as Anki's
 * English note types are named) and of the tags (when any card has tags). A field holding a tab,
 * a line break or a quote is quoted, quotes doubled, as Anki reads it; so is one starting with
 * `#`, which Anki would take for a comment. Cloze cards are written as Anki cloze notes
 * (`{{c1::answer::hint}}`), one note per card.
 */
export function deckToAnkiText(deck: ExportDeck): string {
	const cloze = deck.cards.some((card) => card.kind === 'cloze');
	const tagged = deck.cards.some((card) => (card.tags?.length ?? 0) > 0);
	const headers = ['#separator:tab', '#html:false', `#deck:${oneLine(deck.name)}`];
	if (cloze) headers.push('#notetype column:1');
	if (tagged) headers.push(`#tags column:${cloze ? 4 : 3}`);
	const rows = deck.cards.map((card) => {
		const [first, second] =
			card.kind === 'cloze'
				? [toAnkiCloze(card.text, card.answer, card.hint, card.cloze), card.extra ?? '']
				: [card.front, card.back];
		const row = cloze
			? [card.kind === 'cloze' ? 'Cloze' : 'Basic', first, second]
			: [first, second];
		return tagged ? [...row, tagField(card.tags)] : row;
	});
	const body = Papa.unparse(rows, {
		delimiter: '\t',
		newline: '\n',
		quotes: (value: unknown) => typeof value === 'string' && /^#|[\t\n\r"]/.test(value)
	});
	return `${headers.join('\n')}\n${body}${rows.length > 0 ? '\n' : ''}`;
}
