import type { Html, List, Paragraph, RootContent, Table } from 'mdast';
import { readTableBlock, termEntry, type TermEntry } from './blocks';
import type { ContentIssue } from './errors';
import { flattenInline, plainText, sentenceAround } from './inline';
import { lineOf, type ParsedNotes } from './markdown';
import {
	isAskBlock,
	readAskBlock,
	sequencePhrasing,
	tablePhrasing,
	termPhrasing,
	type AskBlock
} from './phrasing';
import {
	BLANK,
	MATCH_MINIMUM,
	NEXT_MINIMUM,
	type Place,
	type SequenceStep,
	type Structure,
	type TopicHeading
} from './model';
import { isQuestionBlock, readQuestionBlock } from './question-block';
import { slugify } from './slug';

export type { TableRow, TermEntry } from './blocks';

export {
	BLANK,
	MATCH_MINIMUM,
	NEXT_MINIMUM,
	type EntityTable,
	type KeyPhrase,
	type Place,
	type Question,
	type Sequence,
	type SequenceStep,
	type Structure,
	type TermList,
	type TopicHeading
} from './model';

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
	const reportAll = (problems: { line: number; message: string }[]) =>
		problems.forEach((problem) => report(problem.line, problem.message));
	let topic: TopicHeading | undefined;
	let heading = { title: '', anchor: '' };
	/** The ask block just read, for the list or table right after it. */
	let ask: AskBlock | undefined;

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

	/** The ask block of the list or table at `line`, taken so that no other structure gets it. */
	const takeAsk = (line: number, what: string): AskBlock | undefined => {
		const block = ask;
		ask = undefined;
		if (!block) {
			report(
				line,
				`${what} has no ask block: say how to ask about it in an "<!-- ask … -->" comment right before it (see content/README.md)`
			);
		}
		return block;
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

	const readHtml = (node: Html) => {
		if (!isAskBlock(node.value)) return;
		if (ask) report(ask.line, 'this ask block is followed by no list or table');
		const { block, problems } = readAskBlock(node.value, lineOf(node));
		reportAll(problems);
		ask = block;
	};

	const visit = (node: RootContent) => {
		const line = lineOf(node);
		if (ask && node.type !== 'list' && node.type !== 'table' && node.type !== 'html') {
			report(ask.line, 'an ask block must come right before the list or table it is for');
			ask = undefined;
		}
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
			case 'html':
				readHtml(node);
				return;
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
			ask = undefined;
			return;
		}
		for (const [index, entry] of entries.entries()) {
			if (entry && !entry.explanation) {
				report(entry.line, `empty explanation for the term "${entry.term}"`);
				entries[index] = undefined;
			}
		}
		if (list.ordered) {
			const place = placeAt(line);
			const block = takeAsk(line, 'this sequence');
			if (!place || !block) return;
			const steps = list.children.map((item, index): SequenceStep => {
				const entry = entries[index];
				return entry
					? { label: entry.term, explanation: entry.explanation, line: entry.line }
					: { label: plainText(item), line: lineOf(item) };
			});
			if (steps.length < 3) {
				report(
					line,
					`a sequence needs at least 3 steps to put in order, this one has ${steps.length}`
				);
				return;
			}
			const { phrasing, problems } = sequencePhrasing(block, {
				needsNext: steps.length >= NEXT_MINIMUM,
				terms: termCount > 0
			});
			reportAll(problems);
			if (phrasing) structures.push({ type: 'sequence', ...place, steps, phrasing });
			return;
		}
		if (termCount > 0) {
			const place = placeAt(line);
			const block = takeAsk(line, 'this term list');
			if (!place || !block) return;
			const terms = entries.filter((entry): entry is TermEntry => entry !== undefined);
			if (terms.length < 2) {
				report(line, 'a term list needs at least 2 terms; write a single fact as prose');
				return;
			}
			const { phrasing, problems } = termPhrasing(block, terms.length >= MATCH_MINIMUM);
			reportAll(problems);
			if (phrasing) structures.push({ type: 'terms', ...place, entries: terms, phrasing });
			return;
		}
		if (ask) {
			report(ask.line, 'an ask block is for a term list, a sequence or a table, not a plain list');
			ask = undefined;
		}
		for (const item of list.children) item.children.forEach(visit);
	};

	const readTable = (table: Table) => {
		const place = placeAt(lineOf(table));
		const block = takeAsk(lineOf(table), 'this table');
		const { columns, rows, problems } = readTableBlock(table);
		reportAll(problems);
		if (!place || !block || columns.length < 2) return;
		const { phrasing, problems: phrasingProblems } = tablePhrasing(block, columns.slice(1));
		reportAll(phrasingProblems);
		if (phrasing) structures.push({ type: 'table', ...place, columns, rows, phrasing });
	};

	const readQuestion = (quote: Parameters<typeof readQuestionBlock>[0]) => {
		const place = placeAt(lineOf(quote));
		if (!place) return;
		const read = readQuestionBlock(quote);
		if ('problems' in read) reportAll(read.problems);
		else structures.push({ type: 'question', ...place, ...read.block });
	};

	notes.tree.children.forEach(visit);
	if (ask) report(ask.line, 'this ask block is followed by no list or table');
	if (topics.length === 0) report(1, 'no topics: write at least one "## Topic" heading');
	return { topics, structures, issues };
}
