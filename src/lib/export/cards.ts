import { slugify } from '$lib/content/slug';

/**
 * A card as a deck export takes it: the app's own BasicItem and ClozeItem fit, and so do imported
 * cards. Reverse cards are written as they are studied, as notes of their own.
 */
export type ExportCard =
	| { kind: 'basic' | 'reverse'; front: string; back: string; tags?: readonly string[] }
	| {
			kind: 'cloze';
			/** The sentence with the hidden phrase as `[…]`. */
			text: string;
			answer: string;
			hint?: string;
			/** Anki's cloze number, 1 when absent. */
			cloze?: number;
			/** Anki's "Back Extra", written in its column of the Anki text export. */
			extra?: string;
			tags?: readonly string[];
	  };

/** A deck to export: its name and its cards in order. */
export interface ExportDeck {
	name: string;
	cards: readonly ExportCard[];
}

/** A name or tag on one line: line breaks and tabs would break the header or the row. */
export function oneLine(text: string): string {
	return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Tags as Anki writes them: single words separated by spaces. */
export function tagField(tags: readonly string[] | undefined): string {
	return (tags ?? [])
		.map((tag) => tag.replace(/\s+/g, '_'))
		.filter(Boolean)
		.join(' ');
}

/**
 * The file name of an exported deck: its name as a slug and the format's extension, e.g.
 * `cto-interview.txt` for Anki text, `cto-interview.csv` for CSV; `deck` when the name has no
 * letters or digits.
 */
export function exportFileName(deckName: string, format: 'anki-text' | 'csv'): string {
	return `${slugify(deckName) || 'deck'}.${format === 'csv' ? 'csv' : 'txt'}`;
}
