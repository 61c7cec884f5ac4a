import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChoiceItem, MatchItem, OrderItem, QuizItem } from '$lib/content/types';
import { seededRandom } from '$lib/content/hash';
import {
	bestScores,
	cardsToReview,
	DEFAULT_QUIZ,
	pickQuestions,
	quizScope,
	scoreResponse,
	scoresByTopic,
	scrambleSteps
} from '$lib/quiz/quiz';
import { deckFrom, PROSE, QUESTION, SEQUENCE, TABLE, TERMS } from '../content/notes';
import { buildQueue, nothingStudied } from '$lib/srs/queue';
import { cardsInScope } from '$lib/srs/scope';
import { newCardState } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/settings';

const deck = deckFrom([TERMS, TABLE, SEQUENCE, PROSE, QUESTION].join('\n'));
const item = <K extends QuizItem['kind']>(kind: K) =>
	deck.items.find((candidate) => candidate.kind === kind) as QuizItem & { kind: K };

describe('picking quiz questions', () => {
	it('asks ten questions by default, mixing every kind, one question per fact', () => {
		const questions = pickQuestions([deck], DEFAULT_QUIZ, seededRandom('a'));
		expect(questions).toHaveLength(10);
		expect(new Set(questions.map((question) => question.kind))).toEqual(
			new Set(['mcq', 'truefalse', 'order', 'match'])
		);
		expect(new Set(questions.map((question) => question.fact)).size).toBe(10);
	});

	it('lets topics take turns, so a topic with many items gets no more than its share', () => {
		const quizKinds: string[] = [...DEFAULT_QUIZ.kinds];
		const questions = deck.items.filter((candidate) => quizKinds.includes(candidate.kind));
		const topics = new Set(questions.map((question) => question.topic));
		// One topic (the table) yields far more questions than the others together.
		const tableShare =
			questions.filter((question) => question.topic === 'famous-ctos').length / questions.length;
		expect(tableShare).toBeGreaterThan(0.5);
		let asked = 0;
		let fromTable = 0;
		const random = seededRandom('share');
		for (let run = 0; run < 300; run++) {
			for (const question of pickQuestions([deck], DEFAULT_QUIZ, random)) {
				asked += 1;
				if (question.topic === 'famous-ctos') fromTable += 1;
			}
		}
		// About its share of the topics, not of the items.
		expect(fromTable / asked).toBeLessThan(1 / topics.size + 0.1);
	});

	it('keeps to the chosen topic, kinds and length', () => {
		const options = { topic: 'famous-ctos', length: 20 as const, kinds: ['truefalse' as const] };
		const questions = pickQuestions([deck], options, seededRandom('b'));
		expect(questions).toHaveLength(10);
		expect(
			questions.every(
				(question) => question.kind === 'truefalse' && question.topic === 'famous-ctos'
			)
		).toBe(true);
	});

	it('asks every question with length "all"', () => {
		const all = pickQuestions(
			[deck],
			{ length: 'all', kinds: ['mcq', 'truefalse', 'order', 'match'] },
			seededRandom('c')
		);
		expect(all).toHaveLength(
			deck.items.filter((candidate) =>
				['mcq', 'truefalse', 'order', 'match'].includes(candidate.kind)
			).length
		);
		expect(new Set(all.map((question) => question.id)).size).toBe(all.length);
	});

	it('files quizzes under their scope', () => {
		expect(quizScope({})).toBe('all');
		expect(quizScope({ deck: 'roles' })).toBe('roles');
		expect(quizScope({ deck: 'roles', topic: 'x' })).toBe('roles/x');
	});
});

describe('scoring a quiz answer', () => {
	it('a choice is right only when it is the answer', () => {
		const mcq: ChoiceItem = item('mcq');
		expect(scoreResponse(mcq, { kind: 'choice', choice: mcq.answer }).correct).toBe(true);
		expect(scoreResponse(mcq, { kind: 'choice', choice: (mcq.answer + 1) % 4 }).correct).toBe(
			false
		);
	});

	it('an order is right only when every step is in place, and says which are', () => {
		const order: OrderItem = item('order');
		expect(scoreResponse(order, { kind: 'order', steps: order.steps })).toEqual({
			correct: true,
			parts: [true, true, true, true, true]
		});
		const swapped = [order.steps[1], order.steps[0], ...order.steps.slice(2)] as string[];
		expect(scoreResponse(order, { kind: 'order', steps: swapped })).toEqual({
			correct: false,
			parts: [false, false, true, true, true]
		});
	});

	it('a matching is right only when every pair is', () => {
		const match: MatchItem = item('match');
		expect(scoreResponse(match, { kind: 'match', pairs: match.pairs }).correct).toBe(true);
		const [first, second, ...rest] = match.pairs;
		const crossed = [
			{ left: first?.left ?? '', right: second?.right ?? '' },
			{ left: second?.left ?? '', right: first?.right ?? '' },
			...rest
		];
		const result = scoreResponse(match, { kind: 'match', pairs: crossed });
		expect(result.correct).toBe(false);
		expect(result.parts.slice(0, 2)).toEqual([false, false]);
		expect(scoreResponse(match, { kind: 'match', pairs: match.pairs.slice(1) }).correct).toBe(
			false
		);
	});

	it('presents an ordering question with no step in its right place', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 6 }),
				fc.string(),
				(steps, seed) => {
					const scrambled = scrambleSteps(steps, seededRandom(seed));
					expect([...scrambled].sort()).toEqual([...steps].sort());
					expect(scrambled.filter((step, index) => step === steps[index])).toEqual([]);
				}
			)
		);
	});
});

describe('quiz results', () => {
	const answers = [
		{ item: 'a', deck: 'd', topic: 't1', kind: 'mcq' as const, correct: true },
		{ item: 'b', deck: 'd', topic: 't2', kind: 'mcq' as const, correct: false },
		{ item: 'c', deck: 'd', topic: 't1', kind: 'truefalse' as const, correct: false }
	];

	it('break down by topic', () => {
		expect(scoresByTopic(answers)).toEqual([
			{ deck: 'd', topic: 't1', correct: 1, total: 2 },
			{ deck: 'd', topic: 't2', correct: 0, total: 1 }
		]);
	});

	it('keep the best score and the number of attempts per scope', () => {
		const attempt = (scope: string, correct: number, total: number) => ({
			scope,
			kinds: [],
			startedAt: 0,
			finishedAt: 1,
			correct,
			total,
			answers: []
		});
		const best = bestScores([attempt('all', 6, 10), attempt('all', 9, 10), attempt('roles', 2, 4)]);
		expect(best.get('all')).toEqual({ best: 0.9, attempts: 2 });
		expect(best.get('roles')).toEqual({ best: 0.5, attempts: 1 });
	});

	it('send the learner back to the flashcards of missed facts, one of each set of siblings', () => {
		const missed = [item('mcq'), item('truefalse')];
		const cards = cardsToReview(missed, [deck]);
		expect(cards.length).toBeGreaterThan(0);
		expect(cards.every((card) => card.deck === 'test' && card.id.startsWith('test/'))).toBe(true);
		// A term's card and its reverse teach one fact: only one is asked for.
		const teaching = [...new Set(missed.flatMap((question) => question.cards))];
		const facts = new Set(teaching.map((id) => id.slice(0, id.lastIndexOf('/'))));
		expect(cards).toHaveLength(facts.size);
		expect(cards.every((card) => teaching.includes(card.id))).toBe(true);
		// As many come first in the next session as the learner is told.
		const queued = buildQueue(
			cardsInScope([deck], {}).cards,
			new Map(cards.map(({ id, deck: of }) => [id, { ...newCardState(id, of, 0), requested: 1 }])),
			nothingStudied(),
			DEFAULT_SETTINGS,
			Infinity
		);
		expect(queued.requested).toHaveLength(cards.length);
	});
});
