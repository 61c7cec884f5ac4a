/** Where a fact is written: the notes file, the heading above it and the line. */
export interface Source {
	/** File name inside `content/`, e.g. `roles.md`. */
	file: string;
	/** Text of the nearest heading above the fact. */
	heading: string;
	/** The heading's anchor on the notes page. */
	anchor: string;
	/** 1-based line of the fact in the file. */
	line: number;
}

/** Flashcards: studied with spaced repetition. */
export const CARD_KINDS = ['basic', 'reverse', 'cloze'] as const;
/** Quiz questions: answered with immediate feedback. */
export const QUIZ_KINDS = ['mcq', 'truefalse', 'order', 'match'] as const;
/** Every kind of item, in the order reports list them. */
export const ITEM_KINDS = [...CARD_KINDS, ...QUIZ_KINDS, 'interview'] as const;

export type QuizKind = (typeof QUIZ_KINDS)[number];
export type ItemKind = (typeof ITEM_KINDS)[number];

interface ItemBase {
	/** Stable id built from the source key and kind, never from a position. */
	id: string;
	/** Topic id (slug of the `##` heading). */
	topic: string;
	/** The id without its kind: items of the same fact are siblings. */
	fact: string;
	source: Source;
}

/** A two-sided flashcard. */
export interface BasicItem extends ItemBase {
	kind: 'basic' | 'reverse';
	front: string;
	back: string;
	/** The tags an imported card came with (own decks only); kept for the exports. */
	tags?: string[];
}

/** A sentence with a key phrase blanked out as `[…]`. */
export interface ClozeItem extends ItemBase {
	kind: 'cloze';
	text: string;
	answer: string;
	/** What an imported card shows on its back after the answer (Anki's "Back Extra"). */
	extra?: string;
	/** The tags an imported card came with (own decks only); kept for the exports. */
	tags?: string[];
}

/** A question with one right choice among several. */
export interface ChoiceItem extends ItemBase {
	kind: 'mcq' | 'truefalse';
	prompt: string;
	choices: string[];
	/** Index of the right choice in `choices`. */
	answer: number;
	explanation: string;
	/** Ids of the flashcards that teach what this question tests. */
	cards: string[];
}

/** Put steps in order; `steps` holds the right order. */
export interface OrderItem extends ItemBase {
	kind: 'order';
	prompt: string;
	steps: string[];
	explanation: string;
	cards: string[];
}

/** A matching pair: `left` belongs with `right`. */
export interface MatchPair {
	left: string;
	right: string;
}

/** Pair each left side with its right side. */
export interface MatchItem extends ItemBase {
	kind: 'match';
	prompt: string;
	pairs: MatchPair[];
	explanation: string;
	cards: string[];
}

/**
 * An open interview question with a model answer, the key points a good answer covers, the
 * evidence only the candidate's own experience can give, and what an interviewer would ask next.
 */
export interface InterviewItem extends ItemBase {
	kind: 'interview';
	question: string;
	answer: string;
	/** What a good answer covers, from the notes (at least two). */
	keyPoints: string[];
	/**
	 * Per key point, other phrases an answer may cover it with (to pre-tick it); absent when the
	 * notes declare none.
	 */
	synonyms?: string[][];
	/** What the candidate can only meet from their own experience: an example, a figure, a trade-off (at least one). */
	evidence: string[];
	/** Questions an interviewer would ask next (one to three, each ending with "?"). */
	followUps: string[];
}

export type CardItem = BasicItem | ClozeItem;
export type QuizItem = ChoiceItem | OrderItem | MatchItem;
export type Item = CardItem | QuizItem | InterviewItem;

/** A topic of a deck: one `##` heading of its notes file. */
export interface Topic {
	id: string;
	title: string;
}

/** What the deck index says of a deck. */
export interface DeckSummary {
	id: string;
	title: string;
	description: string;
	order: number;
	url: string;
	/** Changes whenever the deck's items change. */
	hash: string;
	counts: Record<ItemKind, number>;
	topics: Topic[];
}

/** A published deck: its summary and all its items. */
export interface Deck extends DeckSummary {
	items: Item[];
	/**
	 * Facts or items of this deck that now live under another id (old id → new id), so a learner's
	 * history follows a fact that was merged or renamed. Absent when nothing moved.
	 */
	moved?: Record<string, string>;
}

/** `/decks/index.json`. */
export interface DeckIndex {
	schema: 1;
	decks: DeckSummary[];
}

/** Whether an item is a flashcard (studied with spaced repetition). */
export function isCardItem(item: Item): item is CardItem {
	return (CARD_KINDS as readonly string[]).includes(item.kind);
}
