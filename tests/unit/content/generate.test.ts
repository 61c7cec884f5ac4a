import { describe, expect, it } from 'vitest';
import { deckIndex } from '$lib/content/deck';
import type { ChoiceItem } from '$lib/content/types';
import { deckFrom, ofKind, PROSE, QUESTION, SEQUENCE, TABLE, TERMS } from './notes';

describe('a term list', () => {
	const deck = deckFrom(TERMS);

	it('yields a basic and a reverse card per term', () => {
		const basic = ofKind(deck, 'basic');
		expect(basic.map((card) => card.front)).toEqual([
			'Technology strategy',
			'Managing the technical team',
			'Product and service innovation',
			'Ensuring system security'
		]);
		expect(basic[0]?.back).toBe(
			"A roadmap for technology that serves the company's long-term plans."
		);
		const reverse = ofKind(deck, 'reverse');
		expect(reverse[1]).toMatchObject({
			id: 'test/strategic-roles/managing-the-technical-team/reverse',
			front: 'Leading, training and staffing engineers and IT specialists.',
			back: 'Managing the technical team'
		});
	});

	it('yields a multiple-choice question per term with its siblings as distractors', () => {
		const mcq = ofKind(deck, 'mcq');
		expect(mcq).toHaveLength(4);
		const first = mcq[0] as ChoiceItem;
		expect(first.prompt).toContain(
			"a roadmap for technology that serves the company's long-term plans"
		);
		expect(first.choices[first.answer]).toBe('Technology strategy');
		expect([...first.choices].sort()).toEqual([
			'Ensuring system security',
			'Managing the technical team',
			'Product and service innovation',
			'Technology strategy'
		]);
		expect(first.cards).toEqual([
			'test/strategic-roles/technology-strategy/basic',
			'test/strategic-roles/technology-strategy/reverse'
		]);
	});

	it('yields true/false statements that are right exactly when they pair a term with its own explanation', () => {
		const statements = ofKind(deck, 'truefalse');
		expect(statements).toHaveLength(4);
		for (const statement of statements) {
			const term = ofKind(deck, 'basic').find((card) => card.fact === statement.fact);
			const own = statement.prompt.toLowerCase().includes((term?.back ?? '').toLowerCase());
			expect(statement.choices).toEqual(['True', 'False']);
			expect(statement.answer).toBe(own ? 0 : 1);
		}
	});

	it('yields one matching question over the list', () => {
		const [match, ...more] = ofKind(deck, 'match');
		expect(more).toHaveLength(0);
		expect(match?.pairs).toHaveLength(4);
		expect(match?.pairs).toContainEqual({
			left: 'Ensuring system security',
			right: 'security solutions and the management of technology risk.'
		});
	});

	it('records where each fact is written', () => {
		const card = ofKind(deck, 'basic')[2];
		expect(card?.source).toEqual({
			file: 'test.md',
			heading: 'Strategic roles',
			anchor: 'strategic-roles',
			line: 12
		});
	});
});

describe('a table', () => {
	const deck = deckFrom(TABLE);

	it('yields a card per cell and a reverse card where the value is unique', () => {
		const basic = ofKind(deck, 'basic');
		expect(basic).toHaveLength(10);
		expect(basic[0]).toMatchObject({
			id: 'test/famous-ctos/werner-vogels/company/basic',
			front: 'Werner Vogels — Company?',
			back: 'Amazon'
		});
		expect(ofKind(deck, 'reverse').find((card) => card.back === 'Dorit Dor')?.front).toBe(
			'Which CTO? Company: Check Point'
		);
	});

	it('asks for a value against other values of the same column, and for the entity', () => {
		const mcq = ofKind(deck, 'mcq');
		const company = mcq.find((item) => item.id === 'test/famous-ctos/kevin-scott/company/mcq');
		expect(company?.choices[company.answer]).toBe('Microsoft');
		expect(company?.choices.every((choice) => !choice.includes('AI strategy'))).toBe(true);
		const who = mcq.find((item) => item.id === 'test/famous-ctos/kevin-scott/company/mcq-entity');
		expect(who?.choices[who.answer]).toBe('Kevin Scott');
		expect(who?.choices).toHaveLength(4);
	});

	it('yields one matching question per attribute column', () => {
		const match = ofKind(deck, 'match');
		expect(match.map((item) => item.prompt)).toEqual([
			'Match each CTO with their Company.',
			'Match each CTO with their Known for.'
		]);
		expect(match[0]?.pairs).toHaveLength(5);
	});
});

describe('a sequence', () => {
	const deck = deckFrom(SEQUENCE);

	it('yields an ordering question with the steps in order', () => {
		const [order] = ofKind(deck, 'order');
		expect(order?.steps).toEqual([
			'Technical staff',
			'Team lead',
			'Project manager',
			'VP of technology',
			'CTO'
		]);
		expect(order?.prompt).toBe('Put these in order: Roadmap');
	});

	it('asks for each step by position and for what comes next', () => {
		const positions = ofKind(deck, 'basic').filter((card) => card.id.endsWith('/position/basic'));
		expect(positions.map((card) => card.front)).toEqual([
			'Roadmap: step 1 of 5?',
			'Roadmap: step 2 of 5?',
			'Roadmap: step 3 of 5?',
			'Roadmap: step 4 of 5?',
			'Roadmap: step 5 of 5?'
		]);
		const next = ofKind(deck, 'mcq').filter((item) => item.id.endsWith('/next/mcq'));
		expect(next).toHaveLength(4);
		const afterLead = next.find((item) => item.prompt.includes('“Team lead”'));
		expect(afterLead?.choices[afterLead.answer]).toBe('Project manager');
		expect(afterLead?.choices).not.toContain('Team lead');
	});

	it('also teaches its steps as terms', () => {
		expect(ofKind(deck, 'reverse')).toHaveLength(5);
	});
});

describe('key phrases', () => {
	const deck = deckFrom(PROSE);

	it('become cloze cards of the sentence they sit in', () => {
		expect(ofKind(deck, 'cloze')).toEqual([
			expect.objectContaining({
				id: 'test/the-rescue/3-out-of-10/cloze',
				text: 'When HealthCare.gov launched, only […] visitors could sign up.',
				answer: '3 out of 10'
			}),
			expect.objectContaining({
				id: 'test/the-rescue/todd-park/cloze',
				text: 'The White House CTO, […], formed a rescue team.',
				answer: 'Todd Park'
			})
		]);
	});
});

describe('an interview question block', () => {
	it('becomes an interview prompt with its model answer and key points', () => {
		const [prompt] = ofKind(deckFrom(QUESTION), 'interview');
		expect(prompt).toMatchObject({
			id: 'test/interview/when-does-a-business-need-a-cto-most/interview',
			question: 'When does a business need a CTO most?',
			keyPoints: ['digital transformation', 'unstable infrastructure', 'rapid scale-up']
		});
		expect(prompt?.answer).toMatch(/^When technology decides/);
	});
});

describe('a deck', () => {
	const notes = [TERMS, TABLE, SEQUENCE, PROSE, QUESTION].join('\n');

	it('is the same for the same notes', () => {
		expect(JSON.stringify(deckFrom(notes))).toBe(JSON.stringify(deckFrom(notes)));
	});

	it('lists its topics, counts and a hash that changes with its items', () => {
		const deck = deckFrom(notes);
		expect(deck.topics.map((topic) => topic.id)).toEqual([
			'strategic-roles',
			'famous-ctos',
			'roadmap',
			'the-rescue',
			'interview'
		]);
		expect(deck.counts.cloze).toBe(2);
		expect(deck.counts.interview).toBe(1);
		expect(deckFrom(notes.replace('Amazon', 'Amazon.com')).hash).not.toBe(deck.hash);
		const [summary] = deckIndex([deck]).decks;
		expect(summary).toMatchObject({ id: 'test', url: '/decks/test.json', hash: deck.hash });
		expect(summary).not.toHaveProperty('items');
	});

	it('gives every item a unique id', () => {
		const ids = deckFrom(notes).items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
