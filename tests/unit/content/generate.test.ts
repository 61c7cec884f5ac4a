import { describe, expect, it } from 'vitest';
import { deckIndex } from '$lib/content/deck';
import type { ChoiceItem } from '$lib/content/types';
import { deckFrom, ofKind, PROSE, QUESTION, SEQUENCE, TABLE, TERMS } from './notes';

describe('a term list', () => {
	const deck = deckFrom(TERMS);

	it('yields a basic and a reverse card per term', () => {
		const basic = ofKind(deck, 'basic');
		// Every front asks a question, in the words the notes declared.
		expect(basic.map((card) => card.front)).toEqual([
			'What does the strategic role "Technology strategy" cover?',
			'What does the strategic role "Managing the technical team" cover?',
			'What does the strategic role "Product and service innovation" cover?',
			'What does the strategic role "Ensuring system security" cover?'
		]);
		expect(basic[0]?.back).toBe(
			"A roadmap for technology that serves the company's long-term plans."
		);
		const reverse = ofKind(deck, 'reverse');
		expect(reverse[1]).toMatchObject({
			id: 'test/strategic-roles/managing-the-technical-team/reverse',
			front:
				'Which strategic role of a CTO is leading, training and staffing engineers and IT specialists?',
			back: 'Managing the technical team'
		});
	});

	it('yields a multiple-choice question per term with its siblings as distractors', () => {
		const mcq = ofKind(deck, 'mcq');
		expect(mcq).toHaveLength(4);
		const first = mcq[0] as ChoiceItem;
		expect(first.prompt).toBe(
			"Which strategic role of a CTO is a roadmap for technology that serves the company's long-term plans?"
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
			const own = statement.prompt
				.toLowerCase()
				.includes((term?.back ?? '').toLowerCase().replace(/\.$/, ''));
			expect(statement.prompt).toMatch(/^True or false\? The strategic role "[^"]+" is .+\.$/);
			expect(statement.choices).toEqual(['True', 'False']);
			expect(statement.answer).toBe(own ? 0 : 1);
		}
	});

	it('yields one matching question over the list', () => {
		const [match, ...more] = ofKind(deck, 'match');
		expect(more).toHaveLength(0);
		expect(match?.pairs).toHaveLength(4);
		expect(match?.prompt).toBe('Match each strategic role with what it covers.');
		expect(match?.pairs).toContainEqual({
			left: 'Ensuring system security',
			right: 'Security solutions and the management of technology risk.'
		});
	});

	it('records where each fact is written', () => {
		const card = ofKind(deck, 'basic')[2];
		expect(card?.source).toEqual({
			file: 'test.md',
			heading: 'Strategic roles',
			anchor: 'strategic-roles',
			line: 18
		});
	});
});

describe('a term list too small for a fair multiple-choice question', () => {
	const three = `## Security

<!-- ask
card: What does the security protocol "{term}" do?
which: Which security protocol is {explanation}?
statement: The security protocol "{term}" is {explanation}.
match: Match each security protocol with what it does.
-->
- **Encryption** — scrambling data so only key holders can read it.
- **Access controls** — rules on who may reach which systems.
- **Data backups** — copies kept so data survives a loss.
`;

	it('stays three: cards, true/false and a match, but no question short of distractors', () => {
		const deck = deckFrom(three);
		expect(ofKind(deck, 'basic')).toHaveLength(3);
		expect(ofKind(deck, 'reverse')).toHaveLength(3);
		expect(ofKind(deck, 'truefalse')).toHaveLength(3);
		expect(ofKind(deck, 'match')).toHaveLength(1);
		expect(ofKind(deck, 'mcq')).toHaveLength(0);
	});

	it('draws distractors from a related group the notes name', () => {
		const related = `## Security

<!-- ask
card: What does the security practice "{term}" do?
which: Which security practice is {explanation}?
statement: The security practice "{term}" is {explanation}.
match: Match each security practice with what it does.
name: practices
-->
- **Risk assessments** — regular checks of where the organisation is exposed.
- **Audits** — reviews of whether controls work as designed.

<!-- ask
card: What does the security protocol "{term}" do?
which: Which security protocol is {explanation}?
statement: The security protocol "{term}" is {explanation}.
match: Match each security protocol with what it does.
also: practices
-->
- **Encryption** — scrambling data so only key holders can read it.
- **Access controls** — rules on who may reach which systems.
- **Data backups** — copies kept so data survives a loss.
`;
		const deck = deckFrom(related);
		const encryption = ofKind(deck, 'mcq').find((item) => item.fact.endsWith('/encryption'));
		expect(encryption?.choices).toHaveLength(4);
		expect(encryption?.choices[encryption.answer]).toBe('Encryption');
		// The practices themselves (two) make no multiple-choice question, only cards and true/false.
		expect(ofKind(deck, 'mcq').filter((item) => item.fact.includes('risk-assessments'))).toEqual(
			[]
		);
		expect(ofKind(deck, 'truefalse')).toHaveLength(5);
	});
});

describe('a table', () => {
	const deck = deckFrom(TABLE);

	it('yields a card per cell and a reverse card where the value is unique', () => {
		const basic = ofKind(deck, 'basic');
		expect(basic).toHaveLength(10);
		expect(basic[0]).toMatchObject({
			id: 'test/famous-ctos/werner-vogels/company/basic',
			front: 'Which company does Werner Vogels lead technology for?',
			back: 'Amazon'
		});
		expect(ofKind(deck, 'reverse').find((card) => card.back === 'Dorit Dor')?.front).toBe(
			'Who is the CTO of Check Point?'
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
			'Match each CTO with their company.',
			'Match each CTO with what they are known for.'
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
		expect(order?.prompt).toBe('Put the stages of the road to CTO in order.');
	});

	it('asks for each step by position and for what comes next', () => {
		const positions = ofKind(deck, 'basic').filter((card) => card.id.endsWith('/position/basic'));
		expect(positions.map((card) => card.front)).toEqual([
			'On the road to CTO, what is stage 1?',
			'On the road to CTO, what is stage 2?',
			'On the road to CTO, what is stage 3?',
			'On the road to CTO, what is stage 4?',
			'On the road to CTO, what is stage 5?'
		]);
		const next = ofKind(deck, 'mcq').filter((item) => item.id.endsWith('/next/mcq'));
		expect(next).toHaveLength(4);
		const afterLead = next.find((item) => item.prompt.includes('"Team lead"'));
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
