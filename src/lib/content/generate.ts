import type { ContentIssue } from './errors';
import { hashString, seededShuffle } from './hash';
import type {
	EntityTable,
	KeyPhrase,
	Place,
	Question,
	Sequence,
	Structure,
	TermEntry,
	TermList
} from './structures';
import { slugify } from './slug';
import type { ChoiceItem, Item, MatchPair, Source } from './types';

/** Choices in a multiple-choice question: the answer and three distractors. */
export const CHOICES = 4;
/** Pairs in a matching question. */
export const MATCH_PAIRS = 5;
const TRUE_FALSE = ['True', 'False'];

/** How choices are compared: two choices that differ only in case or spacing are the same. */
export function normalizeChoice(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Derives every item from the structures of one notes file.
 * @returns the items in document order, and the problems that stop some from being made
 */
export function generateItems(
	deck: string,
	file: string,
	structures: readonly Structure[]
): { items: Item[]; issues: ContentIssue[] } {
	const items: Item[] = [];
	const issues: ContentIssue[] = [];
	const context: Context = {
		deck,
		file,
		add: (item) => items.push(item),
		report: (line, message) => issues.push({ file, line, message })
	};
	for (const structure of structures) {
		switch (structure.type) {
			case 'terms':
				termListItems(context, structure);
				break;
			case 'sequence':
				sequenceItems(context, structure);
				break;
			case 'table':
				tableItems(context, structure);
				break;
			case 'phrase':
				phraseItem(context, structure);
				break;
			case 'question':
				questionItem(context, structure);
				break;
		}
	}
	return { items, issues: [...issues, ...duplicateIssues(file, items)] };
}

interface Context {
	deck: string;
	file: string;
	add: (item: Item) => void;
	report: (line: number, message: string) => void;
}

function sourceOf(context: Context, place: Place, line: number): Source {
	return { file: context.file, heading: place.heading, anchor: place.anchor, line };
}

function factId(context: Context, place: Place, ...keys: string[]): string {
	return [context.deck, place.topic, ...keys.map(slugify)].join('/');
}

/** The text with its first letter in upper case, as a card side starts. */
export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function phrasePattern(phrase: string): RegExp {
	const escaped = phrase
		.trim()
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/\s+/g, '\\s+');
	// Whole words only: "cat" is in "the cat sat", not in "concatenate".
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether `text` contains `phrase` as whole words, ignoring case. */
export function containsPhrase(text: string, phrase: string): boolean {
	return phrase.trim() !== '' && phrasePattern(phrase).test(text);
}

/** Replaces every occurrence of `secret` in `text` with an ellipsis, so a prompt never shows its answer. */
export function mask(text: string, secret: string): string {
	if (secret.trim() === '') return text;
	return text.replace(phrasePattern(secret), '…');
}

/** Up to `count` candidates that differ from the answer and from each other, chosen by the seed. */
export function pickDistractors(
	answer: string,
	candidates: readonly string[],
	seed: string,
	count = CHOICES - 1
): string[] {
	const seen = new Set([normalizeChoice(answer)]);
	const unique: string[] = [];
	for (const candidate of candidates) {
		const key = normalizeChoice(candidate);
		if (!seen.has(key)) {
			seen.add(key);
			unique.push(candidate);
		}
	}
	return unique
		.map((candidate) => ({ candidate, rank: hashString(`${seed}|${normalizeChoice(candidate)}`) }))
		.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
		.slice(0, count)
		.map(({ candidate }) => candidate);
}

function choiceItem(
	fields: Omit<ChoiceItem, 'kind' | 'choices' | 'answer'>,
	answer: string,
	distractors: string[]
): ChoiceItem {
	const choices = seededShuffle([answer, ...distractors], fields.id);
	return {
		...fields,
		kind: 'mcq',
		prompt: mask(fields.prompt, answer),
		choices,
		answer: choices.indexOf(answer)
	};
}

function trueFalseItem(
	fields: Omit<ChoiceItem, 'kind' | 'choices' | 'answer' | 'prompt'>,
	statement: (shown: string) => string,
	right: string,
	wrongCandidates: readonly string[]
): ChoiceItem {
	const [wrong] = pickDistractors(right, wrongCandidates, fields.id, 1);
	// Whether the statement is true depends only on the id, so it is stable and about half are true.
	const isTrue = wrong === undefined || parseInt(hashString(fields.id).slice(-2), 36) % 2 === 0;
	return {
		...fields,
		kind: 'truefalse',
		prompt: `True or false? ${statement(isTrue ? right : (wrong ?? right))}`,
		choices: TRUE_FALSE,
		answer: isTrue ? 0 : 1
	};
}

function tooFew(context: Context, place: Place, what: string, count: number, needed: number) {
	context.report(
		place.line,
		`too few siblings to make distractors: ${what} has ${count}, it needs at least ${needed}`
	);
}

/** Term cards and questions for a group of sibling terms. */
function termItems(context: Context, place: Place, entries: readonly TermEntry[]) {
	const terms = entries.map((entry) => entry.term);
	for (const entry of entries) {
		const fact = factId(context, place, entry.term);
		const source = sourceOf(context, place, entry.line);
		const masked = mask(entry.explanation, entry.term);
		const cards = [`${fact}/basic`, `${fact}/reverse`];
		const explanation = `${entry.term}: ${entry.explanation}`;
		const base = { topic: place.topic, fact, source };
		context.add({
			...base,
			id: cards[0] as string,
			kind: 'basic',
			front: entry.term,
			back: capitalize(entry.explanation)
		});
		context.add({
			...base,
			id: cards[1] as string,
			kind: 'reverse',
			front: capitalize(masked),
			back: entry.term
		});
		context.add(
			choiceItem(
				{
					...base,
					id: `${fact}/mcq`,
					prompt: `Which term matches this description? ${masked}`,
					explanation,
					cards
				},
				entry.term,
				pickDistractors(entry.term, terms, `${fact}/mcq`)
			)
		);
		context.add(
			trueFalseItem(
				{ ...base, id: `${fact}/truefalse`, explanation, cards },
				(shown) => `${entry.term}: ${shown}`,
				entry.explanation,
				entries.map((other) => other.explanation)
			)
		);
	}
	matchItem(
		context,
		place,
		entries.map((entry) => ({
			key: entry.term,
			left: entry.term,
			right: mask(entry.explanation, entry.term),
			card: `${factId(context, place, entry.term)}/basic`
		})),
		'Match each term with its description.',
		'terms'
	);
}

function termListItems(context: Context, list: TermList) {
	if (list.entries.length < CHOICES) {
		tooFew(context, list, 'this term list', list.entries.length, CHOICES);
		return;
	}
	termItems(context, list, list.entries);
}

function matchItem(
	context: Context,
	place: Place,
	candidates: { key: string; left: string; right: string; card: string }[],
	prompt: string,
	group: string
) {
	const firstKey = candidates.map((candidate) => slugify(candidate.key)).sort()[0] ?? group;
	const id = `${factId(context, place, firstKey, group)}/match`;
	const chosen = seededShuffle(candidates, id).slice(0, MATCH_PAIRS);
	const pairs: MatchPair[] = chosen.map(({ left, right }) => ({ left, right }));
	context.add({
		id,
		kind: 'match',
		topic: place.topic,
		fact: factId(context, place, firstKey, group),
		source: sourceOf(context, place, place.line),
		prompt,
		pairs,
		explanation: pairs.map((pair) => `${pair.left}: ${pair.right}`).join(' · '),
		cards: chosen.map((candidate) => candidate.card)
	});
}

function sequenceItems(context: Context, sequence: Sequence) {
	const { steps } = sequence;
	if (steps.length < CHOICES) {
		tooFew(context, sequence, 'this sequence', steps.length, CHOICES);
		return;
	}
	const labels = steps.map((step) => step.label);
	const positionCards = steps.map(
		(step) => `${factId(context, sequence, step.label, 'position')}/basic`
	);
	const firstKey = labels.map(slugify).sort()[0] as string;
	const orderFact = factId(context, sequence, firstKey, 'sequence');
	context.add({
		id: `${orderFact}/order`,
		kind: 'order',
		topic: sequence.topic,
		fact: orderFact,
		source: sourceOf(context, sequence, sequence.line),
		prompt: `Put these in order: ${sequence.heading}`,
		steps: labels,
		explanation: labels.join(' → '),
		cards: positionCards
	});
	steps.forEach((step, index) => {
		const source = sourceOf(context, sequence, step.line);
		const position = factId(context, sequence, step.label, 'position');
		context.add({
			id: `${position}/basic`,
			kind: 'basic',
			topic: sequence.topic,
			fact: position,
			source,
			front: `${sequence.heading}: step ${index + 1} of ${steps.length}?`,
			back: step.explanation ? `${step.label}: ${step.explanation}` : step.label
		});
		const next = steps[index + 1];
		// "Which comes right after X?" leaves X and its successor out, so it needs five steps.
		if (next && steps.length > CHOICES) {
			const nextFact = factId(context, sequence, step.label, 'next');
			context.add(
				choiceItem(
					{
						id: `${nextFact}/mcq`,
						topic: sequence.topic,
						fact: nextFact,
						source,
						prompt: `${sequence.heading}: which step comes right after “${step.label}”?`,
						explanation: `${step.label} → ${next.label}`,
						cards: [positionCards[index + 1] as string]
					},
					next.label,
					pickDistractors(
						next.label,
						labels.filter((label) => label !== step.label),
						nextFact
					)
				)
			);
		}
	});
	const terms = steps.flatMap((step) =>
		step.explanation ? [{ term: step.label, explanation: step.explanation, line: step.line }] : []
	);
	if (terms.length >= CHOICES) termItems(context, sequence, terms);
}

function tableItems(context: Context, table: EntityTable) {
	const { rows, columns } = table;
	const [entityColumn = '', ...attributes] = columns;
	if (rows.length < CHOICES) {
		tooFew(context, table, 'this table', rows.length, CHOICES);
		return;
	}
	const entities = rows.map((row) => row.entity);
	attributes.forEach((attribute, column) => {
		const values = rows.map((row) => row.values[column] ?? '');
		const distinct = new Set(values.map(normalizeChoice));
		if (distinct.size < CHOICES) {
			tooFew(context, table, `the "${attribute}" column`, distinct.size, CHOICES);
			return;
		}
		for (const row of rows) {
			const value = row.values[column] ?? '';
			const fact = factId(context, table, row.entity, attribute);
			const source = sourceOf(context, table, row.line);
			const base = { topic: table.topic, fact, source };
			const unique =
				values.filter((other) => normalizeChoice(other) === normalizeChoice(value)).length === 1;
			const cards = unique ? [`${fact}/basic`, `${fact}/reverse`] : [`${fact}/basic`];
			const explanation = `${row.entity} — ${attribute}: ${value}`;
			const question = `${row.entity} — ${attribute}?`;
			const which = `Which ${entityColumn}? ${attribute}: ${value}`;
			context.add({ ...base, id: `${fact}/basic`, kind: 'basic', front: question, back: value });
			if (unique) {
				context.add({
					...base,
					id: `${fact}/reverse`,
					kind: 'reverse',
					front: mask(which, row.entity),
					back: row.entity
				});
			}
			context.add(
				choiceItem(
					{ ...base, id: `${fact}/mcq`, prompt: question, explanation, cards },
					value,
					pickDistractors(value, values, `${fact}/mcq`)
				)
			);
			if (unique) {
				context.add(
					choiceItem(
						{ ...base, id: `${fact}/mcq-entity`, prompt: which, explanation, cards },
						row.entity,
						pickDistractors(row.entity, entities, `${fact}/mcq-entity`)
					)
				);
			}
			context.add(
				trueFalseItem(
					{ ...base, id: `${fact}/truefalse`, explanation, cards },
					(shown) => `${row.entity} — ${attribute}: ${shown}`,
					value,
					values
				)
			);
		}
		matchItem(
			context,
			table,
			rows.map((row) => ({
				key: row.entity,
				left: row.entity,
				right: row.values[column] ?? '',
				card: `${factId(context, table, row.entity, attribute)}/basic`
			})),
			`Match each ${entityColumn} with their ${attribute}.`,
			slugify(attribute)
		);
	});
}

function phraseItem(context: Context, phrase: KeyPhrase) {
	const fact = factId(context, phrase, phrase.phrase);
	context.add({
		id: `${fact}/cloze`,
		kind: 'cloze',
		topic: phrase.topic,
		fact,
		source: sourceOf(context, phrase, phrase.line),
		text: phrase.text,
		answer: phrase.phrase
	});
}

function questionItem(context: Context, question: Question) {
	const fact = factId(context, question, question.question);
	context.add({
		id: `${fact}/interview`,
		kind: 'interview',
		topic: question.topic,
		fact,
		source: sourceOf(context, question, question.line),
		question: question.question,
		answer: question.answer,
		keyPoints: question.keyPoints
	});
}

function duplicateIssues(file: string, items: readonly Item[]): ContentIssue[] {
	const firstLine = new Map<string, number>();
	const issues: ContentIssue[] = [];
	for (const item of items) {
		const earlier = firstLine.get(item.id);
		if (earlier === undefined) {
			firstLine.set(item.id, item.source.line);
			continue;
		}
		const key = item.fact.split('/').slice(2).join('/');
		issues.push({
			file,
			line: item.source.line,
			message: `duplicate key "${key}" in topic "${item.topic}" (also at line ${earlier})`
		});
	}
	return issues;
}
