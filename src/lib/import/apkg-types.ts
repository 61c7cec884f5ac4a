/** One card read from another app's file, before it is stored. */
export interface ImportedCard {
	/** Stable across imports of an updated file, so a card is updated in place, history kept. */
	key: string;
	kind: 'basic' | 'cloze';
	/** Plain text. For a cloze card, the text with this card's deletions blanked as `[…]`. */
	front: string;
	/** Plain text. For a cloze card, the hidden answer. */
	back: string;
	tags: string[];
	/** Where it came from: the line of a text file, or the note's position in a package (1-based). */
	line: number;
}

/** What an importer read from a file: the cards, and what it left out and why. */
export interface ImportResult {
	/** The deck's name as the file gives it, if it does. */
	name?: string;
	cards: ImportedCard[];
	/** Lines (or notes) that made no card, with the reason in words. */
	skipped: { line: number; reason: string }[];
	/** Cards left out because an earlier card had the same front and back. */
	duplicates: number;
	/** Things the learner should know, such as media left out. */
	warnings: string[];
}
