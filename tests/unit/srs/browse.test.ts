import { describe, expect, it } from 'vitest';
import type { CardItem, Deck } from '$lib/content/types';
import {
	browseCards,
	filterCards,
	foldText,
	historyOf,
	NO_FILTER,
	type BrowseFilter
} from '$lib/srs/browse';
import { newCardState } from '$lib/srs/scheduler';
import { Rating, State, type CardState, type Review } from '$lib/srs/types';

// Noon UTC, and a study day that starts at midnight: the same study day in every time zone.
const NOW = Date.UTC(2026, 10, 29, 12, 0);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const source = { file: 'f.md', heading: 'H', anchor: 'h', line: 1 };

function basic(id: string, topic: string, front: string, back: string): CardItem {
	return { id, topic, fact: id, source, kind: 'basic', front, back };
}

const DECKS: Deck[] = [
	{
		id: 'cto',
		title: 'The CTO role',
		description: '',
		order: 1,
		url: '/decks/cto.json',
		hash: 'x',
		counts: {} as Deck['counts'],
		topics: [
			{ id: 'roles', title: 'Roles' },
			{ id: 'hiring', title: 'Hiring' }
		],
		items: [
			basic('cto/roles/a/basic', 'roles', 'What does a CTO own?', 'The technology strategy'),
			basic('cto/roles/b/basic', 'roles', 'Who sets the Café budget?', 'The CFO'),
			{
				id: 'cto/hiring/c/cloze',
				topic: 'hiring',
				fact: 'cto/hiring/c',
				source,
				kind: 'cloze',
				text: 'Hire for […] first.',
				answer: 'judgement',
				extra: 'Skills can be taught'
			},
			{
				id: 'cto/hiring/q/interview',
				topic: 'hiring',
				fact: 'cto/hiring/q',
				source,
				kind: 'interview',
				question: 'How do you hire?',
				answer: 'Carefully',
				keyPoints: ['a', 'b'],
				evidence: ['e'],
				followUps: ['Why?']
			}
		]
	},
	{
		id: 'own-acme',
		title: 'Acme',
		description: '',
		order: 2,
		url: '',
		hash: 'y',
		counts: {} as Deck['counts'],
		topics: [{ id: 'cards', title: 'Cards' }],
		items: [basic('own-acme/cards/d/basic', 'cards', 'What does Acme run on?', 'Go')]
	}
];

function stored(id: string, state: State, due: number, retired = false): CardState {
	return { ...newCardState(id, id.split('/')[0]!, NOW - 30 * DAY), state, due, retired };
}

const STATES = new Map<string, CardState>([
	['cto/roles/a/basic', stored('cto/roles/a/basic', State.Review, NOW - 2 * DAY)],
	['cto/roles/b/basic', stored('cto/roles/b/basic', State.Learning, NOW + HOUR)],
	['cto/hiring/c/cloze', stored('cto/hiring/c/cloze', State.Relearning, NOW + 3 * DAY)],
	['own-acme/cards/d/basic', stored('own-acme/cards/d/basic', State.Review, NOW, true)]
]);

const CARDS = browseCards(DECKS, STATES);

function find(filter: Partial<BrowseFilter>): string[] {
	return filterCards(CARDS, { ...NO_FILTER, ...filter }, NOW, 0).map((card) => card.front);
}

describe('the card browser', () => {
	it('lists every flashcard of every deck, ours and own, with its titles, state and due date', () => {
		expect(CARDS.map((card) => [card.front, card.deckTitle, card.topicTitle, card.state])).toEqual([
			['What does a CTO own?', 'The CTO role', 'Roles', 'review'],
			['Who sets the Café budget?', 'The CTO role', 'Roles', 'learning'],
			['Hire for […] first.', 'The CTO role', 'Hiring', 'relearning'],
			// A retired state belongs to an older card of that id: this one is new.
			['What does Acme run on?', 'Acme', 'Cards', 'new']
		]);
		expect(CARDS.map((card) => card.due)).toEqual([NOW - 2 * DAY, NOW + HOUR, NOW + 3 * DAY, null]);
	});

	it('searches every text of a card, whatever its case and accents', () => {
		expect(find({ query: 'cafe' })).toEqual(['Who sets the Café budget?']);
		expect(find({ query: 'CAFÉ' })).toEqual(['Who sets the Café budget?']);
		expect(find({ query: 'strategy' })).toEqual(['What does a CTO own?']);
		expect(find({ query: 'JUDGEMENT' })).toEqual(['Hire for […] first.']);
		expect(find({ query: 'taught skills' })).toEqual(['Hire for […] first.']);
		expect(find({ query: '  ' })).toHaveLength(4);
		expect(find({ query: 'nowhere' })).toEqual([]);
		expect(foldText('  Crème\u00a0BRÛLÉE ')).toBe('creme brulee');
	});

	it('filters by deck, topic and state', () => {
		expect(find({ deck: 'own-acme' })).toEqual(['What does Acme run on?']);
		expect(find({ deck: 'cto', topic: 'hiring' })).toEqual(['Hire for […] first.']);
		expect(find({ state: 'learning' })).toEqual(['Who sets the Café budget?']);
		expect(find({ state: 'new' })).toEqual(['What does Acme run on?']);
		expect(find({ deck: 'cto', state: 'new' })).toEqual([]);
	});

	it('filters by due date: overdue, due today, within 7 days, never studied', () => {
		expect(find({ due: 'overdue' })).toEqual(['What does a CTO own?']);
		expect(find({ due: 'today' })).toEqual(['What does a CTO own?', 'Who sets the Café budget?']);
		expect(find({ due: 'week' })).toEqual([
			'What does a CTO own?',
			'Who sets the Café budget?',
			'Hire for […] first.'
		]);
		expect(find({ due: 'unstudied' })).toEqual(['What does Acme run on?']);
	});

	it('filters 10,000 cards in one pass', () => {
		const many = Array.from({ length: 10_000 }, (_, i) => ({ ...CARDS[i % 4]!, id: `c${i}` }));
		const found = filterCards(many, { ...NO_FILTER, query: 'cafe', state: 'learning' }, NOW, 0);
		expect(found).toHaveLength(2500);
	});
});

describe('a card’s history', () => {
	const base = { card: 'cto/roles/a/basic', deck: 'cto', durationMs: 1000 };
	const log = { elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0 };
	const scheduled = (time: number, rating: Review['rating'], dueBefore: number): Review => ({
		...base,
		...log,
		mode: 'review',
		time,
		rating,
		state: State.New,
		logDue: time,
		dueBefore,
		stability: 1,
		difficulty: 5,
		retention: 0.9,
		fuzz: false
	});

	it('gives each answer its rating in words and the interval it set', () => {
		const reviews: Review[] = [
			scheduled(NOW - 10 * DAY, Rating.Good, NOW - 10 * DAY),
			{ ...base, mode: 'cram', time: NOW - 5 * DAY, rating: Rating.Again },
			scheduled(NOW - 6 * DAY, Rating.Again, NOW - 7 * DAY)
		];
		const state = stored('cto/roles/a/basic', State.Relearning, NOW - 6 * DAY + 10 * 60 * 1000);
		expect(historyOf(reviews, state)).toEqual([
			{ time: NOW - 10 * DAY, rating: 'Good', cram: false, interval: 3 * DAY },
			{ time: NOW - 6 * DAY, rating: 'Again', cram: false, interval: 10 * 60 * 1000 },
			{ time: NOW - 5 * DAY, rating: 'Again', cram: true, interval: null }
		]);
	});
});
