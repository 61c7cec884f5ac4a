import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/content/deck';
import { slugify } from '$lib/content/slug';
import type { ChoiceItem, Deck } from '$lib/content/types';
import { frontmatter } from './notes';

// Random notes: topics holding term lists, tables and sequences made of random words.
const word = fc.oneof(
	{ weight: 12, arbitrary: fc.stringMatching(/^[a-z]{3,9}$/) },
	{
		weight: 1,
		arbitrary: fc.constantFrom('c++', 'r&d', 'ai', 'ci/cd', '(beta)', '2–5x', 'node.js')
	}
);
const phrase = (min: number, max: number) =>
	fc.array(word, { minLength: min, maxLength: max }).map((words) => words.join(' '));
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const uniqueBySlug = (arbitrary: fc.Arbitrary<string>, min: number, max: number) =>
	fc
		.uniqueArray(arbitrary, { minLength: min, maxLength: max, selector: (text) => slugify(text) })
		.filter((texts) => texts.every((text) => slugify(text) !== ''));

const termList = fc
	.tuple(uniqueBySlug(phrase(1, 3), 2, 7), fc.array(phrase(3, 10), { minLength: 7, maxLength: 7 }))
	.map(([terms, explanations]) => ({
		type: 'terms' as const,
		entries: terms.map((term, i) => ({
			term: capital(term),
			explanation: explanations[i] as string
		}))
	}));

const table = fc.integer({ min: 2, max: 7 }).chain((rows) =>
	fc.record({
		type: fc.constant('table' as const),
		entities: uniqueBySlug(phrase(1, 2), rows, rows).map((names) => names.map(capital)),
		attributes: uniqueBySlug(phrase(1, 2), 1, 3).map((names) => names.map(capital)),
		values: fc.array(uniqueBySlug(phrase(1, 3), rows, rows), { minLength: 3, maxLength: 3 })
	})
);

const sequence = uniqueBySlug(phrase(1, 3), 3, 7).map((steps) => ({
	type: 'sequence' as const,
	steps: steps.map(capital)
}));

type Block =
	fc.Arbitrary<
		| { type: 'terms'; entries: { term: string; explanation: string }[] }
		| { type: 'table'; entities: string[]; attributes: string[]; values: string[][] }
		| { type: 'sequence'; steps: string[] }
	> extends fc.Arbitrary<infer T>
		? T
		: never;

const topics = uniqueBySlug(phrase(1, 3), 1, 3).chain((headings) =>
	fc.tuple(
		...headings.map((heading) =>
			fc.record({
				heading: fc.constant(capital(heading)),
				block: fc.oneof(termList, table, sequence) as fc.Arbitrary<Block>
			})
		)
	)
);

// Templates with markers, so the oracle below can tell every prompt from the model alone.
const TERM_ASK = [
	'card: CARD [{term}]?',
	'which: WHICH [{explanation}]?',
	'statement: SAY [{term}] is [{explanation}].',
	'match: MATCH.'
];
const SEQUENCE_ASK = ['order: ORDER.', 'position: POSITION [{n}]?', 'next: NEXT [{step}]?'];
const tableAsk = (attribute: string) => [
	`${attribute}: ASK ${attribute} [{entity}]?`,
	`${attribute} which: WHO ${attribute} [{value}]?`,
	`${attribute} statement: SAY [{entity}] ${attribute} [{value}].`,
	`${attribute} match: MATCH ${attribute}.`
];

function markdown(block: Block): string {
	const ask = (lines: string[]) => `<!-- ask\n${lines.join('\n')}\n-->\n`;
	switch (block.type) {
		case 'terms':
			return (
				ask(TERM_ASK) +
				block.entries.map((entry) => `- **${entry.term}** — ${entry.explanation}`).join('\n')
			);
		case 'sequence':
			return ask(SEQUENCE_ASK) + block.steps.map((step, i) => `${i + 1}. ${step}`).join('\n');
		case 'table': {
			const header = `| Entity | ${block.attributes.join(' | ')} |`;
			const rule = `| --- | ${block.attributes.map(() => '---').join(' | ')} |`;
			const rows = block.entities.map(
				(entity, row) =>
					`| ${entity} | ${block.attributes.map((_, column) => block.values[column]?.[row]).join(' | ')} |`
			);
			return ask(block.attributes.flatMap(tableAsk)) + [header, rule, ...rows].join('\n');
		}
	}
}

/** What a question must be, worked out from the random model alone: its right answer and the group it draws from. */
interface Expected {
	answer: string;
	pool: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The oracle: every multiple-choice prompt the model can give (keyed by its exact text, built
 * here from the templates above), and every true-or-false statement with whether it is true.
 */
function oracle(model: { heading: string; block: Block }[]) {
	const choices = new Map<string, Expected[]>();
	const statements = new Map<string, boolean[]>();
	const addChoice = (prompt: string, expected: Expected) =>
		choices.set(prompt, [...(choices.get(prompt) ?? []), expected]);
	const addStatement = (text: string, truth: boolean) =>
		statements.set(`True or false? ${text}`, [
			...(statements.get(`True or false? ${text}`) ?? []),
			truth
		]);
	for (const { block } of model) {
		if (block.type === 'terms') {
			const pool = block.entries.map((entry) => entry.term);
			for (const entry of block.entries) {
				addChoice(`WHICH [${entry.explanation}]?`, { answer: entry.term, pool });
				for (const other of block.entries) {
					addStatement(
						`SAY [${entry.term}] is [${other.explanation}].`,
						same(other.explanation, entry.explanation)
					);
				}
			}
		} else if (block.type === 'sequence') {
			block.steps.forEach((step, i) => {
				const next = block.steps[i + 1];
				if (next) addChoice(`NEXT [${step}]?`, { answer: next, pool: block.steps });
			});
		} else {
			block.attributes.forEach((attribute, column) => {
				const values = block.values[column] ?? [];
				block.entities.forEach((entity, row) => {
					const value = values[row] ?? '';
					addChoice(`ASK ${attribute} [${entity}]?`, { answer: value, pool: values });
					addChoice(`WHO ${attribute} [${value}]?`, { answer: entity, pool: block.entities });
					for (const other of values) {
						addStatement(`SAY [${entity}] ${attribute} [${other}].`, same(other, value));
					}
				});
			});
		}
	}
	return { choices, statements };
}

function build(model: { heading: string; block: Block }[]): Deck {
	const body = model
		.map(({ heading, block }) => `## ${heading}\n\n${markdown(block)}\n`)
		.join('\n');
	const result = buildDeck({ file: 'random.md', text: frontmatter() + body });
	if (!result.deck)
		throw new Error(result.issues.map((issue) => issue.message).join('\n') + '\n' + body);
	return result.deck;
}

describe('generated questions over random notes', { timeout: 60_000 }, () => {
	it('every multiple-choice question has four different choices and the right answer', () => {
		fc.assert(
			fc.property(topics, (model) => {
				const { choices } = oracle(model);
				const mcqs = build(model).items.filter((item): item is ChoiceItem => item.kind === 'mcq');
				for (const item of mcqs) {
					const lowered = item.choices.map((choice) => choice.trim().toLowerCase());
					expect(new Set(lowered).size, item.prompt).toBe(4);
					const right = item.choices[item.answer] ?? '';
					const candidates = choices.get(item.prompt) ?? [];
					// Some reading of the prompt (names may repeat across topics) has this answer, and
					// every other choice is a sibling from the same group that is not the answer.
					const fits = candidates.some(
						(expected) =>
							same(expected.answer, right) &&
							item.choices.every((choice) => expected.pool.includes(choice)) &&
							item.choices.filter((choice) => same(choice, expected.answer)).length === 1
					);
					expect(fits, `${item.prompt} → ${right} among ${item.choices.join(' | ')}`).toBe(true);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('a true/false statement is keyed true exactly when it states the fact as written', () => {
		fc.assert(
			fc.property(topics, (model) => {
				const { statements } = oracle(model);
				for (const item of build(model).items) {
					if (item.kind !== 'truefalse') continue;
					const truths = statements.get(item.prompt);
					expect(truths, item.prompt).toBeDefined();
					expect(truths, item.prompt).toContain(item.answer === 0);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('every term gets its two cards, asked in the declared words', () => {
		fc.assert(
			fc.property(topics, (model) => {
				const deck = build(model);
				for (const { block } of model) {
					if (block.type !== 'terms') continue;
					for (const entry of block.entries) {
						expect(deck.items).toContainEqual(
							expect.objectContaining({ kind: 'basic', front: `CARD [${entry.term}]?` })
						);
						expect(deck.items).toContainEqual(
							expect.objectContaining({
								kind: 'reverse',
								front: `WHICH [${entry.explanation}]?`,
								back: entry.term
							})
						);
					}
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('the same notes always give the same deck', () => {
		fc.assert(
			fc.property(topics, (model) => {
				expect(JSON.stringify(build(model))).toBe(JSON.stringify(build(model)));
			}),
			{ numRuns: 30 }
		);
	});
});
