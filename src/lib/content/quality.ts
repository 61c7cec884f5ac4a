// The quality of the items the notes yield, measured: what a good tutor would not write. The
// content report prints these figures and the tests over the real notes require them to be zero.
import { AMBIGUOUS, giveAways } from './choices';
import type { Library } from './deck';
import type { Nodes } from 'mdast';
import { hashString } from './hash';
import { flattenInline, plainText } from './inline';
import { lineOf, type ParsedNotes } from './markdown';
import { BLANK, type Structure } from './structures';
import type { Deck, Item } from './types';
import { contentStems, overlap, wordsOf } from './words';

/** How many consecutive words shared with a source article count as copying. */
export const COPIED_RUN = 8;
/** The most items one fact may yield. */
export const MAX_ITEMS_PER_FACT = 5;

/** One thing a good tutor would not have written, and where. */
export interface Finding {
	kind: 'give-away' | 'cloze' | 'copied' | 'crowded' | 'ambiguous' | 'no-question';
	/** The item, or the notes file and line. */
	where: string;
	message: string;
}

/**
 * Phrases the notes may share with an article word for word, each with its reason: names and the
 * articles' own list labels, which no rewording can avoid.
 */
export const ALLOWED_RUNS: readonly { words: string; reason: string }[] = [
	{ words: 'ai iot cloud big data', reason: 'the technologies the 1Office guide names, as a list' },
	{
		words: 'check point software technologies',
		reason: 'the full name of a company'
	}
];

/**
 * The 8-word runs of a text, hashed. Allowed phrases are cut out of our own texts first (an
 * article's runs are kept whole).
 */
export function shingles(text: string, size = COPIED_RUN, allow = true): string[] {
	let words = wordsOf(text).join(' ');
	if (allow) for (const allowed of ALLOWED_RUNS) words = words.split(allowed.words).join(' | ');
	const runs: string[] = [];
	for (const part of words.split('|')) {
		const list = part.trim().split(' ').filter(Boolean);
		for (let i = 0; i + size <= list.length; i++) {
			runs.push(hashString(list.slice(i, i + size).join(' ')));
		}
	}
	return runs;
}

/** Every text of an item a learner reads. */
export function textsOf(item: Item): string[] {
	switch (item.kind) {
		case 'basic':
		case 'reverse':
			return [item.front, item.back];
		case 'cloze':
			return [item.text.replace(BLANK, item.answer)];
		case 'mcq':
		case 'truefalse':
			return [item.prompt, ...item.choices, item.explanation];
		case 'order':
			return [item.prompt, ...item.steps];
		case 'match':
			return [item.prompt, ...item.pairs.flatMap((pair) => [pair.left, pair.right])];
		case 'interview':
			return [item.question, item.answer, ...item.keyPoints, ...item.evidence, ...item.followUps];
	}
}

/**
 * What is wrong with a deck's items: give-aways, cloze cards their own sentence answers, fronts
 * that do not ask, facts taught by too many items, groups whose members the notes describe alike,
 * and runs of words copied from the articles (when their shingles are given).
 */
export function assessDeck(
	deck: Deck,
	structures: readonly Structure[],
	articleShingles?: ReadonlySet<string>,
	noteTexts: readonly { line: number; text: string }[] = []
): Finding[] {
	const findings: Finding[] = [];
	const perFact = new Map<string, number>();
	for (const item of deck.items) {
		perFact.set(item.fact, (perFact.get(item.fact) ?? 0) + 1);
		if (item.kind === 'mcq') {
			const answer = item.choices[item.answer] ?? '';
			const distractors = item.choices.filter((_, index) => index !== item.answer);
			for (const reason of giveAways(item.prompt, answer, distractors)) {
				findings.push({ kind: 'give-away', where: item.id, message: reason });
			}
		}
		if (item.kind === 'cloze') {
			const rest = contentStems(item.text.replace(BLANK, ' '));
			const repeated = [...contentStems(item.answer)].filter((word) => rest.has(word));
			if (repeated.length > 0) {
				findings.push({
					kind: 'cloze',
					where: item.id,
					message: `the sentence repeats "${repeated.join('", "')}" of its own blank`
				});
			}
		}
		if ((item.kind === 'basic' || item.kind === 'reverse') && !item.front.trim().endsWith('?')) {
			findings.push({
				kind: 'no-question',
				where: item.id,
				message: `"${item.front}" asks nothing`
			});
		}
		if (articleShingles) {
			for (const text of textsOf(item)) {
				if (shingles(text).some((run) => articleShingles.has(run))) {
					findings.push({
						kind: 'copied',
						where: item.id,
						message: `copies the article: "${text}"`
					});
				}
			}
		}
	}
	for (const [fact, count] of perFact) {
		if (count > MAX_ITEMS_PER_FACT) {
			findings.push({
				kind: 'crowded',
				where: fact,
				message: `${count} items teach this one fact (at most ${MAX_ITEMS_PER_FACT})`
			});
		}
	}
	for (const structure of structures) {
		const group =
			structure.type === 'terms'
				? structure.entries
				: structure.type === 'sequence'
					? structure.steps.flatMap((step) =>
							step.explanation ? [{ term: step.label, explanation: step.explanation }] : []
						)
					: [];
		group.forEach((entry, index) => {
			for (const other of group.slice(index + 1)) {
				if (overlap(entry.explanation, other.explanation) >= AMBIGUOUS) {
					findings.push({
						kind: 'ambiguous',
						where: `${deck.id}: line ${structure.line}`,
						message: `"${entry.term}" and "${other.term}" are described alike`
					});
				}
			}
		});
	}
	if (articleShingles) {
		for (const { line, text } of noteTexts) {
			if (shingles(text).some((run) => articleShingles.has(run))) {
				findings.push({
					kind: 'copied',
					where: `${deck.id}: line ${line}`,
					message: `the notes copy the article: "${text}"`
				});
			}
		}
	}
	return findings;
}

/**
 * The text of every paragraph, list item and table row of the notes, with its line: what the
 * notes page shows, and what the check for copied runs reads.
 */
export function noteTexts(notes: ParsedNotes): { line: number; text: string }[] {
	const texts: { line: number; text: string }[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'paragraph' || node.type === 'heading') {
			// Inline text as read, bold phrases included with their spaces.
			texts.push({ line: lineOf(node), text: flattenInline(node.children).text });
			return;
		}
		if (node.type === 'tableRow') {
			texts.push({
				line: lineOf(node),
				text: node.children.map((cell) => plainText(cell)).join(' ')
			});
			return;
		}
		if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
	};
	visit(notes.tree);
	return texts;
}

/** What is wrong with every deck of a library (see assessDeck). */
export function assessLibrary(library: Library, articleShingles?: ReadonlySet<string>): Finding[] {
	return library.decks.flatMap((deck) => {
		const notes = library.notes.get(deck.id);
		return assessDeck(
			deck,
			library.structures.get(deck.id) ?? [],
			articleShingles,
			notes ? noteTexts(notes) : []
		);
	});
}
