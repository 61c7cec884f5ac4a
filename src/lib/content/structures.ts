import type { Blockquote, List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import type { ContentIssue } from './errors';
import { flattenInline, plainText, sentenceAround } from './inline';
import { lineOf, type ParsedNotes } from './markdown';
import { slugify } from './slug';

/** Where a structure sits in the notes: its topic and nearest heading. */
export interface Place {
	topic: string;
	topicTitle: string;
	heading: string;
	anchor: string;
	line: number;
}

/** A `**Term** — explanation` entry (of a term list or a sequence). */
export interface TermEntry {
	term: string;
	explanation: string;
	line: number;
}

export interface TermList extends Place {
	type: 'terms';
	entries: TermEntry[];
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
}

export interface TableRow {
	entity: string;
	values: string[];
	line: number;
}

export interface EntityTable extends Place {
	type: 'table';
	/** Header cells: the entity column first, then the attributes. */
	columns: string[];
	rows: TableRow[];
}

export interface KeyPhrase extends Place {
	type: 'phrase';
	phrase: string;
	/** The sentence with the phrase replaced by `[…]`. */
	text: string;
}

export interface Question extends Place {
	type: 'question';
	question: string;
	answer: string;
	keyPoints: string[];
}

export type Structure = TermList | Sequence | EntityTable | KeyPhrase | Question;

/** The blank that stands for a key phrase in a cloze sentence. */
export const BLANK = '[…]';

const SEPARATOR = /^\s*(?:—|–|-|:)\s*/;

/** A topic of a notes file, as found while reading it. */
export interface TopicHeading {
	id: string;
	title: string;
	line: number;
}

/**
 * Reads the structures of a notes file (term lists, sequences, tables, key phrases, interview
 * questions) in document order, with the problems found.
 */
export function readStructures(notes: ParsedNotes): {
	topics: TopicHeading[];
	structures: Structure[];
	issues: ContentIssue[];
} {
	const issues: ContentIssue[] = [];
	const structures: Structure[] = [];
	const topics: TopicHeading[] = [];
	const anchors = new Map<string, number>();
	const report = (line: number, message: string) =>
		issues.push({ file: notes.file, line, message });
	let topic: TopicHeading | undefined;
	let heading = { title: '', anchor: '' };

	const placeAt = (line: number): Place | undefined => {
		if (!topic) {
			report(line, 'this yields study items, so it must sit under a "## Topic" heading');
			return undefined;
		}
		return {
			topic: topic.id,
			topicTitle: topic.title,
			heading: heading.title,
			anchor: heading.anchor,
			line
		};
	};

	const readParagraph = (node: Paragraph) => {
		const flat = flattenInline(node.children);
		for (const mark of flat.marks) {
			const place = placeAt(lineOf(node));
			if (!place) return;
			const around = sentenceAround(flat.text, mark.start, mark.end);
			const phrase = flat.text.slice(mark.start, mark.end);
			if (around.sentence.includes(BLANK)) {
				report(place.line, `a sentence with a key phrase must not contain "${BLANK}" itself`);
				continue;
			}
			const text =
				around.sentence.slice(0, around.start) + BLANK + around.sentence.slice(around.end);
			structures.push({ type: 'phrase', ...place, phrase, text });
		}
	};

	const visit = (node: RootContent) => {
		const line = lineOf(node);
		switch (node.type) {
			case 'heading': {
				const title = plainText(node);
				if (node.depth === 1) {
					report(line, 'a "#" heading is not allowed: the deck title comes from the frontmatter');
					return;
				}
				if (node.depth > 3) {
					report(line, `"${'#'.repeat(node.depth)}" headings are too deep: use "##" or "###"`);
					return;
				}
				const anchor = slugify(title);
				if (!anchor) {
					report(line, 'empty heading');
					return;
				}
				const earlier = anchors.get(anchor);
				if (earlier !== undefined) {
					report(line, `duplicate heading "${title}" (also at line ${earlier})`);
				}
				anchors.set(anchor, line);
				heading = { title, anchor };
				if (node.depth === 2) {
					topic = { id: anchor, title, line };
					topics.push(topic);
				}
				return;
			}
			case 'paragraph':
				readParagraph(node);
				return;
			case 'list':
				readList(node);
				return;
			case 'table':
				readTable(node);
				return;
			case 'blockquote':
				if (isQuestionBlock(node)) readQuestion(node);
				else node.children.forEach(visit);
				return;
			default:
				return;
		}
	};

	const readList = (list: List) => {
		const entries = list.children.map((item) => termEntry(item));
		const termCount = entries.filter((entry) => entry !== undefined).length;
		const line = lineOf(list);
		if (termCount > 0 && termCount < entries.length) {
			const plain = list.children[entries.findIndex((entry) => entry === undefined)];
			report(
				plain ? lineOf(plain) : line,
				'this list mixes "**Term** — explanation" items with plain items: write every item one way'
			);
			return;
		}
		for (const [index, entry] of entries.entries()) {
			if (entry && !entry.explanation) {
				report(entry.line, `empty explanation for the term "${entry.term}"`);
				entries[index] = undefined;
			}
		}
		const place = list.ordered || termCount > 0 ? placeAt(line) : undefined;
		if (list.ordered) {
			if (!place) return;
			const steps = list.children.map((item, index): SequenceStep => {
				const entry = entries[index];
				return entry
					? { label: entry.term, explanation: entry.explanation, line: entry.line }
					: { label: plainText(item), line: lineOf(item) };
			});
			structures.push({ type: 'sequence', ...place, steps });
			return;
		}
		if (termCount > 0) {
			if (!place) return;
			structures.push({
				type: 'terms',
				...place,
				entries: entries.filter((entry): entry is TermEntry => entry !== undefined)
			});
			return;
		}
		for (const item of list.children) item.children.forEach(visit);
	};

	const readTable = (table: Table) => {
		const place = placeAt(lineOf(table));
		if (!place) return;
		const [header, ...body] = table.children;
		const columns = header ? header.children.map((cell) => plainText(cell)) : [];
		if (columns.length < 2 || columns.some((column) => !column)) {
			report(place.line, 'a table needs a header with an entity column and at least one attribute');
			return;
		}
		const rows: TableRow[] = [];
		for (const row of body) {
			const cells = row.children.map((cell) => plainText(cell));
			const rowLine = lineOf(row);
			const entity = cells[0] ?? '';
			if (cells.length !== columns.length) {
				report(
					rowLine,
					`table row "${entity}" has ${cells.length} cells, the header has ${columns.length}`
				);
				continue;
			}
			const empty = cells.findIndex((cell) => cell === '');
			if (empty !== -1) {
				report(
					rowLine,
					`table row "${entity || '(no name)'}" has an empty "${columns[empty]}" cell`
				);
				continue;
			}
			rows.push({ entity, values: cells.slice(1), line: rowLine });
		}
		structures.push({ type: 'table', ...place, columns, rows });
	};

	const readQuestion = (quote: Blockquote) => {
		const place = placeAt(lineOf(quote));
		if (!place) return;
		const [first, ...rest] = quote.children;
		const question = first?.type === 'paragraph' ? labelledText(first, 'Question') : '';
		if (!question) {
			report(place.line, 'empty question after "**Question:**"');
			return;
		}
		const answerIndex = rest.findIndex(
			(node) => node.type === 'paragraph' && labelledText(node, 'Answer') !== undefined
		);
		const answerNode = rest[answerIndex];
		if (answerIndex === -1 || answerNode?.type !== 'paragraph') {
			report(place.line, `the interview question "${question}" has no "**Answer:**" paragraph`);
			return;
		}
		const answerParts = [labelledText(answerNode, 'Answer') ?? ''];
		const keyPoints: string[] = [];
		for (const node of rest.slice(answerIndex + 1)) {
			if (node.type === 'paragraph') answerParts.push(plainText(node));
			else if (node.type === 'list')
				keyPoints.push(...node.children.map((item) => plainText(item)));
		}
		const answer = answerParts.filter(Boolean).join('\n\n');
		if (!answer) {
			report(lineOf(answerNode), `empty answer in the interview question "${question}"`);
			return;
		}
		if (keyPoints.filter(Boolean).length < 2) {
			report(
				place.line,
				`the interview question "${question}" needs a list of at least 2 key points`
			);
			return;
		}
		structures.push({
			type: 'question',
			...place,
			question,
			answer,
			keyPoints: keyPoints.filter(Boolean)
		});
	};

	notes.tree.children.forEach(visit);
	if (topics.length === 0) report(1, 'no topics: write at least one "## Topic" heading');
	return { topics, structures, issues };
}

function firstParagraph(item: ListItem): Paragraph | undefined {
	const first = item.children[0];
	return first?.type === 'paragraph' ? first : undefined;
}

/** `**Term** — explanation` (or `**Term:** explanation`) as a term entry; undefined for other items. */
function termEntry(item: ListItem): TermEntry | undefined {
	const paragraph = firstParagraph(item);
	const [lead, ...rest] = paragraph?.children ?? [];
	if (lead?.type !== 'strong') return undefined;
	let term = plainText(lead);
	const after = flattenInline(rest).text;
	let explanation: string;
	if (term.endsWith(':')) {
		term = term.slice(0, -1).trim();
		explanation = after;
	} else if (SEPARATOR.test(after)) {
		explanation = after.replace(SEPARATOR, '');
	} else {
		return undefined;
	}
	const more = item.children.slice(1).map((child) => plainText(child));
	return {
		term,
		explanation: [explanation, ...more].filter(Boolean).join(' ').trim(),
		line: lineOf(item)
	};
}

function isQuestionBlock(quote: Blockquote): boolean {
	const first = quote.children[0];
	return first?.type === 'paragraph' && labelledText(first, 'Question') !== undefined;
}

/** The text after a leading `**Label:**`, or undefined when the paragraph does not start so. */
function labelledText(paragraph: Paragraph, label: string): string | undefined {
	const [lead, ...rest] = paragraph.children;
	if (lead?.type !== 'strong') return undefined;
	const leadText = plainText(lead);
	if (leadText === `${label}:`) return flattenInline(rest).text;
	if (leadText === label) {
		const after = flattenInline(rest).text;
		return after.startsWith(':') ? after.slice(1).trim() : undefined;
	}
	return undefined;
}
