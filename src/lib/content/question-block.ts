import type { Blockquote, BlockContent, DefinitionContent, List, ListItem, Paragraph } from 'mdast';
import { labelledText } from './blocks';
import { flattenInline, plainText } from './inline';
import { phraseCanTick } from '$lib/quiz/key-point-detection';
import { lineOf } from './markdown';

/** The most follow-up questions one interview question may have. */
export const MAX_FOLLOW_UPS = 3;
/** The fewest content key points (evidence points not counted) an interview question needs. */
export const MIN_KEY_POINTS = 2;

/** An interview question as written in its block quote. */
export interface QuestionBlock {
	question: string;
	answer: string;
	/** What a good answer covers, from the notes. */
	keyPoints: string[];
	/** Per content key point, other words an answer may cover it with (`(also: "…", "…")`). */
	synonyms: string[][];
	/** What only the candidate's own experience can meet, without the "Evidence:" label. */
	evidence: string[];
	/** What an interviewer would ask next, each ending with "?". */
	followUps: string[];
}

interface Problem {
	line: number;
	message: string;
}

type Node = BlockContent | DefinitionContent;

export function isQuestionBlock(quote: Blockquote): boolean {
	const first = quote.children[0];
	return first?.type === 'paragraph' && labelledText(first, 'Question') !== undefined;
}

function itemParagraph(item: ListItem): Paragraph | undefined {
	const first = item.children[0];
	return first?.type === 'paragraph' ? first : undefined;
}

/** A block's text, inline Markdown read with its spaces (`a **b** c` stays `a b c`). */
function textOf(node: Node | ListItem): string {
	return node.type === 'paragraph' ? flattenInline(node.children).text : plainText(node);
}

/** A list item's text, its paragraphs joined. */
function itemText(item: ListItem, from = 0): string {
	return item.children.slice(from).map(textOf).filter(Boolean).join(' ').trim();
}

function isLabelled(node: Node | undefined, label: string): node is Paragraph {
	return node?.type === 'paragraph' && labelledText(node, label) !== undefined;
}

function nodeName(node: Node): string {
	const names: Partial<Record<Node['type'], string>> = {
		paragraph: 'paragraph',
		list: 'list',
		blockquote: 'block quote',
		code: 'code block',
		heading: 'heading',
		html: 'HTML',
		table: 'table',
		thematicBreak: 'rule'
	};
	return names[node.type] ?? node.type;
}

/** `(also: "a phrase", "another")` at the end of a key point: the words it may be covered with. */
const ALSO = /\s*\(also:(.*)\)\s*$/s;
const QUOTED = /["“]([^"”]*)["”]/g;

/** A content key point's text and its declared synonyms, or problems with how they are written. */
function splitSynonyms(
	text: string,
	line: number,
	question: string,
	problems: Problem[]
): { text: string; synonyms: string[] } {
	const also = ALSO.exec(text);
	if (!also) return { text, synonyms: [] };
	const inner = also[1] ?? '';
	const synonyms = [...inner.matchAll(QUOTED)].map((match) => (match[1] ?? '').trim());
	const where = `in a key point of the interview question "${question}"`;
	if (synonyms.length === 0 || inner.replace(QUOTED, '').replace(/[\s,]/g, '') !== '') {
		problems.push({
			line,
			message: `write "(also: …)" ${where} as quoted phrases separated by commas, such as (also: "legacy code", "old systems")`
		});
	} else if (synonyms.some((synonym) => synonym === '')) {
		problems.push({ line, message: `empty phrase in "(also: …)" ${where}` });
	} else {
		for (const synonym of synonyms.filter((phrase) => !phraseCanTick(phrase))) {
			problems.push({
				line,
				message: `the phrase "${synonym}" in "(also: …)" ${where} has only common words ("the", "with", "time"…), so it would never tick the point: add a word that tells it apart`
			});
		}
	}
	return { text: text.slice(0, also.index).trim(), synonyms };
}

/** Splits the key-point list into content points (with their synonyms) and evidence points. */
function readKeyPoints(list: List, question: string, problems: Problem[]) {
	const keyPoints: string[] = [];
	const synonyms: string[][] = [];
	const evidence: string[] = [];
	for (const item of list.children) {
		if (/Follow-ups?:/.test(itemText(item))) {
			problems.push({
				line: lineOf(item),
				message: `"**Follow-ups:**" runs into a key point of the interview question "${question}": leave an empty line ("> ") before it`
			});
			continue;
		}
		const paragraph = itemParagraph(item);
		const labelled = paragraph ? labelledText(paragraph, 'Evidence') : undefined;
		if (labelled === undefined) {
			const point = splitSynonyms(itemText(item), lineOf(item), question, problems);
			if (point.text) {
				keyPoints.push(point.text);
				synonyms.push(point.synonyms);
			}
			continue;
		}
		const text = [labelled, itemText(item, 1)].filter(Boolean).join(' ').trim();
		if (ALSO.test(text)) {
			problems.push({
				line: lineOf(item),
				message: `an evidence point of the interview question "${question}" has "(also: …)": evidence is never pre-ticked, so it takes no synonyms`
			});
		} else if (text) evidence.push(text);
		else {
			problems.push({
				line: lineOf(item),
				message: `empty evidence point in the interview question "${question}"`
			});
		}
	}
	return { keyPoints, synonyms, evidence };
}

/** Reads the follow-up questions: the list right after the `**Follow-ups:**` paragraph. */
function readFollowUps(
	label: Paragraph,
	list: Node | undefined,
	question: string,
	problems: Problem[]
): string[] {
	if (labelledText(label, 'Follow-ups')) {
		problems.push({
			line: lineOf(label),
			message: `write the follow-ups of the interview question "${question}" as a list under "**Follow-ups:**", not on its line`
		});
	}
	if (list?.type !== 'list') {
		problems.push({
			line: lineOf(label),
			message: `"**Follow-ups:**" in the interview question "${question}" must be followed by a list of 1 to ${MAX_FOLLOW_UPS} questions`
		});
		return [];
	}
	const followUps: string[] = [];
	for (const item of list.children) {
		const text = itemText(item);
		if (!text) {
			problems.push({ line: lineOf(item), message: `empty follow-up in "${question}"` });
		} else if (!text.endsWith('?')) {
			problems.push({
				line: lineOf(item),
				message: `the follow-up "${text}" is not a question: end it with "?"`
			});
		} else followUps.push(text);
	}
	if (list.children.length > MAX_FOLLOW_UPS) {
		problems.push({
			line: lineOf(list),
			message: `the interview question "${question}" has ${list.children.length} follow-ups, at most ${MAX_FOLLOW_UPS}: keep the ones an interviewer is likeliest to ask`
		});
	}
	return followUps;
}

/**
 * Reads an interview question's block quote: `**Question:**`, `**Answer:**` and any more answer
 * paragraphs, a list of key points (those labelled `**Evidence:**` apart), then `**Follow-ups:**`
 * and its list, which ends the block.
 * @returns the question, or every problem found in it (each with its line)
 */
export function readQuestionBlock(
	quote: Blockquote
): { block: QuestionBlock } | { problems: Problem[] } {
	const line = lineOf(quote);
	const [first, ...rest] = quote.children;
	const question = first?.type === 'paragraph' ? labelledText(first, 'Question') : '';
	if (!question) {
		return { problems: [{ line, message: 'empty question after "**Question:**"' }] };
	}
	const answerNode = rest[0];
	if (!isLabelled(answerNode, 'Answer')) {
		const later = rest.find((node) => isLabelled(node, 'Answer'));
		const problem = later
			? {
					line: answerNode ? lineOf(answerNode) : line,
					message: `the interview question "${question}" must go straight on to its "**Answer:**" paragraph`
				}
			: { line, message: `the interview question "${question}" has no "**Answer:**" paragraph` };
		return { problems: [problem] };
	}
	const problems: Problem[] = [];
	let index = 1;
	const answerParts = [labelledText(answerNode, 'Answer') ?? ''];
	while (rest[index]?.type === 'paragraph' && !isLabelled(rest[index], 'Follow-ups')) {
		answerParts.push(textOf(rest[index] as Paragraph));
		index += 1;
	}
	const answer = answerParts.filter(Boolean).join('\n\n');
	if (!answer) {
		problems.push({
			line: lineOf(answerNode),
			message: `empty answer in the interview question "${question}"`
		});
	}
	const pointsNode = rest[index];
	const points =
		pointsNode?.type === 'list'
			? readKeyPoints(pointsNode, question, problems)
			: { keyPoints: [], synonyms: [], evidence: [] };
	if (pointsNode?.type === 'list') index += 1;
	const pointsLine = pointsNode?.type === 'list' ? lineOf(pointsNode) : line;
	if (points.keyPoints.length < MIN_KEY_POINTS) {
		problems.push({
			line: pointsLine,
			message: `the interview question "${question}" needs a list of at least ${MIN_KEY_POINTS} key points (evidence points do not count)`
		});
	}
	if (points.evidence.length === 0) {
		problems.push({
			line: pointsLine,
			message: `the interview question "${question}" has no "**Evidence:**" key point: add one that only the candidate's own experience can meet`
		});
	}
	let followUps: string[] = [];
	const label = rest[index];
	const hasFollowUps = isLabelled(label, 'Follow-ups');
	if (hasFollowUps) {
		followUps = readFollowUps(label, rest[index + 1], question, problems);
		index += rest[index + 1]?.type === 'list' ? 2 : 1;
	} else {
		problems.push({
			line,
			message: `the interview question "${question}" has no "**Follow-ups:**": add a list of 1 to ${MAX_FOLLOW_UPS} questions an interviewer would ask next`
		});
	}
	const unexpected = rest[index];
	if (unexpected) {
		const where = hasFollowUps
			? 'after its follow-ups'
			: pointsNode?.type === 'list'
				? 'after its key points'
				: 'after its answer';
		problems.push({
			line: lineOf(unexpected),
			message: `unexpected ${nodeName(unexpected)} in the interview question "${question}" ${where}: the block is question, answer, key points, "**Follow-ups:**" and their list, in that order`
		});
	}
	if (problems.length > 0) return { problems };
	return {
		block: {
			question,
			answer,
			keyPoints: points.keyPoints,
			synonyms: points.synonyms,
			evidence: points.evidence,
			followUps
		}
	};
}
