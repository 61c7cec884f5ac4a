import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/content/hash';
import { followUpPlan, minutesAndSeconds, pointsToWorkOn } from '$lib/quiz/mock-review';

const item = (question: string) => ({
	question,
	keyPoints: ['a', 'b', 'c'],
	evidence: ['an example']
});

describe('pointsToWorkOn', () => {
	it('lists the unticked points of the weakest answers first, evidence points flagged', () => {
		const points = pointsToWorkOn([
			{ item: item('Strong?'), score: 0.75, covered: [0, 1, 2] },
			{ item: item('Weak?'), score: 0.25, covered: [1] }
		]);
		expect(points).toEqual([
			{ question: 'Weak?', text: 'a', evidence: false },
			{ question: 'Weak?', text: 'c', evidence: false },
			{ question: 'Weak?', text: 'an example', evidence: true },
			{ question: 'Strong?', text: 'an example', evidence: true }
		]);
	});

	it('keeps to the limit and lists nothing when every point was covered', () => {
		const weak = { item: item('Weak?'), score: 0, covered: [] };
		expect(pointsToWorkOn([weak, weak], 3)).toHaveLength(3);
		expect(pointsToWorkOn([{ item: item('All?'), score: 1, covered: [0, 1, 2, 3] }])).toEqual([]);
	});

	it('names no point of an answer whose ticks are not known (kept by an older version)', () => {
		const points = pointsToWorkOn([
			{ item: item('Before ticks were kept?'), score: 0.25, covered: null },
			{ item: item('Weak?'), score: 0.5, covered: [0, 1, 2] }
		]);
		expect(points).toEqual([{ question: 'Weak?', text: 'an example', evidence: true }]);
	});

	it('keeps answers of equal score in the order they were asked', () => {
		const points = pointsToWorkOn([
			{ item: item('First?'), score: 0.5, covered: [0, 1] },
			{ item: item('Second?'), score: 0.5, covered: [0, 1] }
		]);
		expect(points.map((point) => point.question)).toEqual([
			'First?',
			'First?',
			'Second?',
			'Second?'
		]);
	});
});

describe('minutesAndSeconds', () => {
	it('writes a duration as m:ss', () => {
		expect(minutesAndSeconds(0)).toBe('0:00');
		expect(minutesAndSeconds(65_400)).toBe('1:05');
		expect(minutesAndSeconds(180_000)).toBe('3:00');
	});
});

describe('followUpPlan', () => {
	const five = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
		followUps: [`${id} first?`, `${id} second?`]
	}));

	it('follows up at least one and at most half of the questions, with their own follow-ups', () => {
		for (let seed = 0; seed < 50; seed++) {
			const plan = followUpPlan(five, seededRandom(String(seed)));
			const asked = plan.flatMap((followUp, index) => (followUp ? [index] : []));
			expect(plan).toHaveLength(5);
			expect(asked.length).toBeGreaterThanOrEqual(1);
			expect(asked.length).toBeLessThanOrEqual(2);
			for (const index of asked) expect(five[index]!.followUps).toContain(plan[index]);
		}
	});

	it('asks the same follow-ups again from the same seed', () => {
		expect(followUpPlan(five, seededRandom('7'))).toEqual(followUpPlan(five, seededRandom('7')));
	});

	it('skips questions without follow-ups', () => {
		const plan = followUpPlan([{ followUps: [] }, { followUps: ['Why?'] }], () => 0);
		expect(plan).toEqual([null, 'Why?']);
	});
});
