import { describe, expect, it } from 'vitest';
import { newCardState } from '$lib/srs/scheduler';
import {
	cardsByState,
	dueForecast,
	studyDayRanges,
	studyStreak,
	trueRetention
} from '$lib/srs/stats';
import { Rating, State, type CardState, type Grade, type Review } from '$lib/srs/types';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function state(id: string, kind: State, due: number, retired = false): CardState {
	return { ...newCardState(id, 'd', NOW - 90 * DAY), state: kind, due, retired };
}

function review(
	time: number,
	rating: Grade,
	before: State,
	mode: 'review' | 'cram' = 'review'
): Review {
	return {
		card: 'd/t/x/basic',
		deck: 'd',
		rating,
		time,
		durationMs: 1000,
		mode,
		state: before
	} as Review;
}

describe('stats', () => {
	it('count cards by state, new ones included and retired ones left out', () => {
		const states = new Map([
			['a', state('a', State.Review, NOW)],
			['b', state('b', State.Learning, NOW)],
			['c', state('c', State.Relearning, NOW)],
			['d', state('d', State.Review, NOW, true)]
		]);
		expect(cardsByState(['a', 'b', 'c', 'd', 'e', 'f'], states)).toEqual({
			fresh: 2,
			learning: 1,
			review: 1,
			relearning: 1
		});
	});

	it('measure true retention on review cards over the last 30 days', () => {
		const reviews = [
			review(NOW - DAY, Rating.Good, State.Review),
			review(NOW - 2 * DAY, Rating.Hard, State.Review),
			review(NOW - 3 * DAY, Rating.Again, State.Review),
			review(NOW - 4 * DAY, Rating.Easy, State.Review),
			review(NOW - DAY, Rating.Again, State.Learning),
			review(NOW - DAY, Rating.Again, State.Review, 'cram'),
			review(NOW - 40 * DAY, Rating.Again, State.Review)
		];
		expect(trueRetention(reviews, NOW)).toEqual({ rate: 0.75, count: 4 });
		expect(trueRetention([], NOW)).toEqual({ rate: null, count: 0 });
	});

	it('count the streak of study days, alive until today ends', () => {
		const days = new Map([
			['2026-11-20', 5],
			['2026-11-21', 3],
			['2026-11-22', 1]
		]);
		expect(studyStreak(days, NOW, 4)).toBe(3);
		expect(studyStreak(new Map([...days, ['2026-11-23', 2]]), NOW, 4)).toBe(4);
		expect(studyStreak(new Map([['2026-11-21', 3]]), NOW, 4)).toBe(0);
	});

	it('forecast cards due per day, overdue ones today', () => {
		const states = [
			state('a', State.Review, NOW - 5 * DAY),
			state('b', State.Review, NOW + 2 * HOUR),
			state('c', State.Review, NOW + DAY),
			state('d', State.Learning, NOW + 10 * 60 * 1000),
			state('e', State.Review, NOW + 3 * DAY, true),
			state('f', State.New, NOW),
			state('g', State.Review, NOW + 100 * DAY)
		];
		const forecast = dueForecast(states, NOW, 4);
		expect(forecast).toHaveLength(30);
		expect(forecast.slice(0, 3)).toEqual([3, 1, 0]);
		expect(forecast.reduce((a, b) => a + b)).toBe(4);
	});

	it('split time into study days, oldest first', () => {
		const ranges = studyDayRanges(NOW, 4, 3);
		expect(ranges.map((range) => range.key)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
		expect(ranges[2]).toMatchObject({
			start: Date.UTC(2026, 10, 23, 4),
			end: Date.UTC(2026, 10, 24, 4)
		});
		expect(ranges[1]?.end).toBe(ranges[2]?.start);
	});
});
