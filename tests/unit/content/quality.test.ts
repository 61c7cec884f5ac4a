import { describe, expect, it } from 'vitest';
import { giveAways, pickDistractors } from '$lib/content/choices';
import { assessDeck, shingles } from '$lib/content/quality';
import type { Structure } from '$lib/content/structures';
import type { Deck, Item } from '$lib/content/types';
import { deckFrom, TERMS } from './notes';

const source = { file: 't.md', heading: 'H', anchor: 'h', line: 1 };

function deckOf(items: Item[]): Deck {
	return { ...deckFrom(TERMS), items };
}

describe('a give-away', () => {
	it('is an answer sharing a word with the prompt that no distractor shares, in any form of it', () => {
		expect(
			giveAways('Which role is protecting systems?', 'System security', [
				'Technology strategy',
				'Managing the team',
				'Product innovation'
			])
		).toEqual(['the answer and the prompt share "system", no distractor does']);
		// "competitive" gives "Competition" away as surely as "competition" would.
		expect(
			giveAways('Which force makes the job market competitive?', 'Competition for the best', [
				'Growth of technology',
				'Reliance on transformation',
				'Scope of the job'
			])
		).toHaveLength(1);
		// Shared by a distractor too, the word tells nothing.
		expect(
			giveAways('Which role is protecting systems?', 'System security', [
				'System design',
				'Managing the team',
				'Product innovation'
			])
		).toEqual([]);
	});

	it('is an answer much longer than every distractor, or choices of different forms', () => {
		expect(
			giveAways('Who?', 'Leading AI strategy across the whole product range', [
				'Cloud',
				'Lightning',
				'Security'
			])
		).toContain('the answer is much longer than every distractor');
		expect(giveAways('What?', 'building AWS', ['Azure', 'Lightning', 'Trailblazers'])[0]).toMatch(
			/different forms/
		);
	});
});

describe('distractors', () => {
	it('are chosen so that they give nothing away, and never one the notes describe like the answer', () => {
		const answer = { text: 'System security', about: 'protecting systems and data' };
		const picked = pickDistractors(
			answer,
			[
				{ text: 'Data protection', about: 'protecting systems and data from attacks' },
				{ text: 'System design', about: 'shaping the architecture' },
				{ text: 'Team leadership', about: 'leading engineers' },
				{ text: 'Budget control', about: 'keeping spending in check' },
				{ text: 'Very long strategic technology roadmap planning', about: 'plans' }
			],
			'seed',
			'Which role keeps the system safe?'
		);
		expect(picked).toHaveLength(3);
		// Described alike: it would be a second right answer.
		expect(picked).not.toContain('Data protection');
		// The one sibling that shares "system" with the prompt comes in, so the word tells nothing.
		expect(picked).toContain('System design');
		expect(picked).not.toContain('Very long strategic technology roadmap planning');
	});
});

describe('assessing a deck', () => {
	it('finds cloze cards their own sentence answers, fronts that ask nothing and crowded facts', () => {
		const fact = 'test/t/f';
		const items: Item[] = [
			{
				id: `${fact}/cloze`,
				kind: 'cloze',
				topic: 't',
				fact,
				source,
				text: 'Security teams keep […] tight.',
				answer: 'security'
			},
			{
				id: `${fact}/basic`,
				kind: 'basic',
				topic: 't',
				fact,
				source,
				front: 'Encryption',
				back: 'x'
			},
			...['a', 'b', 'c', 'd'].map((key): Item => ({
				id: `${fact}/${key}`,
				kind: 'reverse',
				topic: 't',
				fact,
				source,
				front: `What is ${key}?`,
				back: key
			}))
		];
		const kinds = assessDeck(deckOf(items), []).map((finding) => finding.kind);
		expect(kinds.sort()).toEqual(['cloze', 'crowded', 'no-question']);
	});

	it('finds siblings the notes describe alike', () => {
		const structures: Structure[] = [
			{
				type: 'terms',
				topic: 't',
				topicTitle: 'T',
				heading: 'H',
				anchor: 'h',
				line: 3,
				phrasing: { card: '{term}?', which: '{explanation}?', statement: '{term} {explanation}.' },
				entries: [
					{
						term: 'Strategic thinking',
						explanation: 'knowing technology trends and industry best practices',
						line: 4
					},
					{
						term: 'Technical depth',
						explanation: 'knowing technology trends and best practices of the industry',
						line: 5
					},
					{ term: 'Communication', explanation: 'explaining plans to every audience', line: 6 }
				]
			}
		];
		const findings = assessDeck(deckOf([]), structures);
		expect(findings).toEqual([
			{
				kind: 'ambiguous',
				where: 'test: line 3',
				message: '"Strategic thinking" and "Technical depth" are described alike'
			}
		]);
	});

	it('finds runs of eight words copied from an article, but not shorter ones or allowed names', () => {
		const article = new Set(
			shingles(
				'The CTO is the driving force behind an organization’s technological advancements',
				8,
				false
			)
		);
		const item = (text: string): Item => ({
			id: 'test/t/x/basic',
			kind: 'basic',
			topic: 't',
			fact: 'test/t/x',
			source,
			front: 'Who drives it?',
			back: text
		});
		const copied = assessDeck(
			deckOf([item('The CTO is the driving force behind an organization’s technological push.')]),
			[],
			article
		);
		expect(copied.map((finding) => finding.kind)).toEqual(['copied']);
		expect(
			assessDeck(deckOf([item('The CTO is the driving force behind progress.')]), [], article)
		).toEqual([]);
		// Typographic and straight apostrophes are the same word.
		expect(shingles("an organization's technological advancements a b c d e")).toEqual(
			shingles('an organization’s technological advancements a b c d e')
		);
		const listed = new Set(shingles('such as AI, IoT, Cloud, Big Data, etc. to enhance', 8, false));
		expect(
			assessDeck(deckOf([item('such as AI, IoT, Cloud, Big Data, etc. to enhance')]), [], listed)
		).toEqual([]);
	});
});
