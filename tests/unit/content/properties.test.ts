import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '$lib/content/deck';
import { containsPhrase, normalizeChoice } from '$lib/content/generate';
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
	.tuple(uniqueBySlug(phrase(1, 3), 4, 7), fc.array(phrase(3, 10), { minLength: 7, maxLength: 7 }))
	.map(([terms, explanations]) => ({
		type: 'terms' as const,
		entries: terms.map((term, i) => ({
			term: capital(term),
			explanation: explanations[i] as string
		}))
	}));

const table = fc.integer({ min: 4, max: 7 }).chain((rows) =>
	fc.record({
		type: fc.constant('table' as const),
		entities: uniqueBySlug(phrase(1, 2), rows, rows).map((names) => names.map(capital)),
		attributes: uniqueBySlug(phrase(1, 2), 1, 3).map((names) => names.map(capital)),
		values: fc.array(uniqueBySlug(phrase(1, 3), rows, rows), { minLength: 3, maxLength: 3 })
	})
);

const sequence = uniqueBySlug(phrase(1, 3), 4, 7).map((steps) => ({
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

function markdown(block: Block): string {
	switch (block.type) {
		case 'terms':
			return block.entries.map((entry) => `- **${entry.term}** — ${entry.explanation}`).join('\n');
		case 'sequence':
			return block.steps.map((step, i) => `${i + 1}. ${step}`).join('\n');
		case 'table': {
			const header = `| Entity | ${block.attributes.join(' | ')} |`;
			const rule = `| --- | ${block.attributes.map(() => '---').join(' | ')} |`;
			const rows = block.entities.map(
				(entity, row) =>
					`| ${entity} | ${block.attributes.map((_, column) => block.values[column]?.[row]).join(' | ')} |`
			);
			return [header, rule, ...rows].join('\n');
		}
	}
}

/** The right answer of every multiple-choice question, worked out from the random model itself. */
function expectedAnswers(
	model: { heading: string; block: Block }[]
): Map<string, { answer: string; pool: string[] }> {
	const expected = new Map<string, { answer: string; pool: string[] }>();
	for (const { heading, block } of model) {
		const at = (...keys: string[]) => ['test', slugify(heading), ...keys.map(slugify)].join('/');
		if (block.type === 'terms') {
			const pool = block.entries.map((entry) => entry.term);
			for (const entry of block.entries)
				expected.set(`${at(entry.term)}/mcq`, { answer: entry.term, pool });
		} else if (block.type === 'sequence') {
			block.steps.forEach((step, i) => {
				const next = block.steps[i + 1];
				if (next) expected.set(`${at(step, 'next')}/mcq`, { answer: next, pool: block.steps });
			});
		} else {
			block.attributes.forEach((attribute, column) => {
				const values = block.values[column] ?? [];
				block.entities.forEach((entity, row) => {
					expected.set(`${at(entity, attribute)}/mcq`, { answer: values[row] ?? '', pool: values });
					expected.set(`${at(entity, attribute)}/mcq-entity`, {
						answer: entity,
						pool: block.entities
					});
				});
			});
		}
	}
	return expected;
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
	it('every choice question has unique choices and exactly one right answer', () => {
		fc.assert(
			fc.property(topics, (model) => {
				const deck = build(model);
				const expected = expectedAnswers(model);
				const choiceItems = deck.items.filter(
					(item): item is ChoiceItem => item.kind === 'mcq' || item.kind === 'truefalse'
				);
				for (const item of choiceItems) {
					const normalized = item.choices.map(normalizeChoice);
					expect(new Set(normalized).size).toBe(item.choices.length);
					expect(item.answer).toBeGreaterThanOrEqual(0);
					expect(item.answer).toBeLessThan(item.choices.length);
					if (item.kind === 'mcq') {
						const right = expected.get(item.id);
						expect(right, item.id).toBeDefined();
						expect(item.choices).toHaveLength(4);
						expect(item.choices[item.answer]).toBe(right?.answer);
						expect(item.choices.filter((choice) => choice === right?.answer)).toHaveLength(1);
						// Distractors are the same kind of thing as the answer: siblings of one group.
						for (const choice of item.choices) expect(right?.pool).toContain(choice);
					}
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('no prompt gives its answer away', () => {
		fc.assert(
			fc.property(topics, (model) => {
				for (const item of build(model).items) {
					if (item.kind === 'mcq') {
						expect(containsPhrase(item.prompt, item.choices[item.answer] ?? ''), item.prompt).toBe(
							false
						);
					}
					if (item.kind === 'reverse') {
						expect(containsPhrase(item.front, item.back), item.front).toBe(false);
					}
					if (item.kind === 'cloze') {
						expect(item.text).toContain('[…]');
					}
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('a true/false statement is true exactly when it shows the fact as written', () => {
		fc.assert(
			fc.property(topics, (model) => {
				const deck = build(model);
				for (const item of deck.items) {
					if (item.kind !== 'truefalse') continue;
					const card = deck.items.find(
						(other) => other.fact === item.fact && other.kind === 'basic'
					);
					if (card?.kind !== 'basic') throw new Error(`no card for ${item.fact}`);
					const written = item.explanation.slice(item.explanation.lastIndexOf(': ') + 2);
					const statement = item.prompt.slice(item.prompt.lastIndexOf(': ') + 2);
					expect(item.answer, item.prompt).toBe(statement === written ? 0 : 1);
				}
			}),
			{ numRuns: 60 }
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
