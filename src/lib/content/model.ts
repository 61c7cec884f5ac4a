import type { TableRow, TermEntry } from './blocks';
import type { QuestionBlock } from './question-block';
import type { ColumnPhrasing, SequencePhrasing, TermPhrasing } from './phrasing';

// What the generator reads in a notes file: its structures, each with where it sits.

/** Where a structure sits in the notes: its topic and nearest heading. */
export interface Place {
	topic: string;
	topicTitle: string;
	heading: string;
	anchor: string;
	line: number;
}

export interface TermList extends Place {
	type: 'terms';
	entries: TermEntry[];
	phrasing: TermPhrasing;
}

export interface SequenceStep {
	label: string;
	/** Set when the step is written as `**Term** — explanation`. */
	explanation?: string;
	line: number;
}

export interface Sequence extends Place {
	type: 'sequence';
	steps: SequenceStep[];
	phrasing: SequencePhrasing;
}

export interface EntityTable extends Place {
	type: 'table';
	/** Header cells: the entity column first, then the attributes. */
	columns: string[];
	rows: TableRow[];
	/** How each attribute column is asked; null for a column that is not asked about. */
	phrasing: Map<string, ColumnPhrasing | null>;
}

export interface KeyPhrase extends Place {
	type: 'phrase';
	phrase: string;
	/** The sentence with the phrase replaced by `[…]`. */
	text: string;
}

export interface Question extends Place, QuestionBlock {
	type: 'question';
}

export type Structure = TermList | Sequence | EntityTable | KeyPhrase | Question;

// The blank that stands for a key phrase in a cloze sentence.
export { BLANK } from './blanks';

/** A topic of a notes file, as found while reading it. */
export interface TopicHeading {
	id: string;
	title: string;
	line: number;
}

/** Lists and tables that ask questions of their groups need this many entries for a matching question. */
export const MATCH_MINIMUM = 3;
/** "Which comes right after X?" leaves X and its successor out, so it needs five steps. */
export const NEXT_MINIMUM = 5;
