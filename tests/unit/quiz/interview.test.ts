import { describe, expect, it } from 'vitest';
import type { InterviewItem } from '$lib/content/types';
import { seededRandom } from '$lib/content/hash';
import {
	dueQuestions,
	gradeForScore,
	interviewScore,
	mockHistory,
	mockQuestions,
	pointsOf,
	practiceOrder
} from '$lib/quiz/interview';
import { answerCard, newCardState } from '$lib/srs/scheduler';
import { Rating } from '$lib/srs/types';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const DAY = 86_400_000;

function question(id: string, topic = id): InterviewItem {
	return {
		id: `d/${topic}/${id}/interview`,
		kind: 'interview',
		topic,
		fact: `d/${topic}/${id}`,
		source: { file: 'd.md', heading: topic, anchor: topic, line: 1 },
		question: `${id}?`,
		answer: 'Because.',
		keyPoints: ['one', 'two', 'three', 'four'],
		evidence: ['an example of their own'],
		followUps: ['What next?']
	};
}

describe('interview scoring', () => {
	it('is the share of key points covered', () => {
		expect(interviewScore(3, 4)).toBe(0.75);
		expect(interviewScore(0, 4)).toBe(0);
		expect(interviewScore(5, 4)).toBe(1);
	});

	it('counts evidence points: reciting every content point of the notes is not full marks', () => {
		const item = question('a');
		const points = pointsOf(item);
		expect(points.map((point) => point.evidence)).toEqual([false, false, false, false, true]);
		expect(points.at(-1)?.text).toBe('an example of their own');
		expect(interviewScore(item.keyPoints.length, points.length)).toBe(0.8);
		// A deck stored before evidence points existed scores on its content points alone.
		expect(pointsOf({ keyPoints: item.keyPoints })).toHaveLength(4);
	});

	it('brings low scores back sooner', () => {
		expect(gradeForScore(0)).toBe(Rating.Again);
		expect(gradeForScore(0.25)).toBe(Rating.Again);
		expect(gradeForScore(0.5)).toBe(Rating.Hard);
		expect(gradeForScore(0.75)).toBe(Rating.Good);
		expect(gradeForScore(1)).toBe(Rating.Easy);
		const params = { retention: 0.9, fuzz: false };
		const start = newCardState('d/t/q/interview', 'd', NOW);
		const poor = answerCard(start, gradeForScore(0.25), NOW, params, 0).state;
		const full = answerCard(start, gradeForScore(1), NOW, params, 0).state;
		expect(poor.due).toBeLessThan(full.due);
	});
});

describe('interview practice', () => {
	const [a, b, c, d] = [question('a'), question('b'), question('c'), question('d')] as const;
	const state = (item: InterviewItem, due: number) => ({
		...newCardState(item.id, 'd', NOW - 9 * DAY),
		reps: 1,
		due
	});

	it('asks due questions first, then new ones, then the rest', () => {
		const states = new Map([
			[a.id, state(a, NOW + 5 * DAY)],
			[b.id, state(b, NOW - DAY)],
			[d.id, state(d, NOW - 3 * DAY)]
		]);
		expect(practiceOrder([a, b, c, d], states, NOW).map((item) => item.id)).toEqual([
			d.id,
			b.id,
			c.id,
			a.id
		]);
		expect(dueQuestions([a, b, c, d], states, NOW)).toBe(2);
	});

	it('a mock interview asks five questions from different topics where it can', () => {
		const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, index) =>
			question(id, `t${index % 6}`)
		);
		const mock = mockQuestions(pool, seededRandom('mock'));
		expect(mock).toHaveLength(5);
		expect(new Set(mock.map((item) => item.topic)).size).toBe(5);
		expect(mockQuestions(pool.slice(0, 3), seededRandom('x'))).toHaveLength(3);
	});
});

describe('interview history', () => {
	it('groups mock interview answers, newest first, leaving practice out', () => {
		const answer = (mock: number | null, score: number) => ({
			item: 'd/t/q/interview',
			deck: 'd',
			time: NOW,
			durationMs: 1000,
			covered: [],
			keyPoints: 4,
			score,
			notes: '',
			mock
		});
		expect(mockHistory([answer(1, 0.5), answer(1, 1), answer(null, 0), answer(2, 0.25)])).toEqual([
			{ started: 2, count: 1, average: 0.25 },
			{ started: 1, count: 2, average: 0.75 }
		]);
	});
});
