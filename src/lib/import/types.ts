/** The largest file of cards read, in bytes: far past any real deck exported as text. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The most cards one file may give: a file with more is refused, so it can be split. */
export const MAX_IMPORT_CARDS = 50_000;

/**
 * The most rows one file may have, blank, skipped and duplicate rows included: reading more would
 * keep the page busy for long on a slow phone, for no more cards.
 */
export const MAX_IMPORT_ROWS = 2 * MAX_IMPORT_CARDS;

/** The longest side of a card, in characters (after HTML is turned into text); a longer row is skipped. */
export const MAX_FIELD_CHARACTERS = 10_000;

/** The longest own notes read, in characters: ten times our longest notes file. */
export const MAX_NOTES_CHARACTERS = 500_000;

/** The longest tag, in characters; tags are single words. */
export const MAX_TAG_CHARACTERS = 100;

interface ImportedCardBase {
	/**
	 * A stable content key: the kind and a hash of the normalised front (or of the cloze text with
	 * its blank), so importing a corrected file again finds the same card and updates it in place.
	 * Keys are unique within one result: a later card whose front normalises to the same text as an
	 * earlier one (with a different back) gets the key with `-2`, `-3`… appended, in file order.
	 */
	key: string;
	/** Tags from the file (Anki's tags column or `#tags:` header, or the chosen tags column). */
	tags: string[];
	/** The 1-based line of the file where the card's row starts. */
	line: number;
}

/** A two-sided card: front and back, plain text. */
export interface ImportedBasicCard extends ImportedCardBase {
	kind: 'basic';
	front: string;
	back: string;
}

/**
 * A cloze card, as the app's ClozeItem holds one: `text` with each hidden phrase replaced by
 * `[…]`, and `answer` the hidden phrase. When a note hides several phrases under one cloze number,
 * `text` holds several blanks and `answer` lists the phrases in order, joined by `; `.
 */
export interface ImportedClozeCard extends ImportedCardBase {
	kind: 'cloze';
	text: string;
	answer: string;
	/** Anki's hint (`{{c1::answer::hint}}`), shown in place of the blank before the answer. */
	hint?: string;
	/** Anki's cloze number (`c1` is 1). */
	cloze: number;
	/** Anki's "Back Extra": what the note shows on the back after the answer; absent when empty. */
	extra?: string;
}

/** A card read from a file, plain text only (HTML turned into text, markup neutralised). */
export type ImportedCard = ImportedBasicCard | ImportedClozeCard;

/** A row of the file that gave no card, and why. */
export interface SkippedRow {
	line: number;
	reason: string;
}

/** What one file gave: the same shape for every format. */
export interface ImportResult {
	/** The deck name the file gives (Anki's `#deck:` header), if any. */
	name?: string;
	cards: ImportedCard[];
	/** Rows that gave no card, in file order. */
	skipped: SkippedRow[];
	/** Cards dropped because an earlier card had the same kind, front and back. */
	duplicates: number;
	/** Things the learner should know: media left out, header lines not understood… */
	warnings: string[];
}

/** Quizlet's choices "Between term and definition": tab, comma, or a custom string. */
export type TermSeparator = 'tab' | 'comma' | { custom: string };
/** Quizlet's choices "Between rows": new line, semicolon, or a custom string. */
export type CardSeparator = 'newline' | 'semicolon' | { custom: string };

/** How a Quizlet export was written; Quizlet's own default is tab and new line. */
export interface QuizletOptions {
	term: TermSeparator;
	card: CardSeparator;
}

/** Quizlet's defaults. */
export const QUIZLET_DEFAULTS: QuizletOptions = { term: 'tab', card: 'newline' };
