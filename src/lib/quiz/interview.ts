import { shuffled } from '$lib/random';
import type { InterviewItem } from '$lib/content/types';
import { Rating, type CardState, type Grade } from '$lib/srs/types';
import type { InterviewAnswer } from './types';

/** Questions in a mock interview. */
export const MOCK_LENGTH = 5;

/** A point an interview answer is scored on. */
export interface KeyPoint {
	text: string;
	/** Met only from the candidate's own experience (an example, a figure, a trade-off). */
	evidence: boolean;
}

/**
 * The points an answer is scored on, in the order they are ticked: the content key points, then
 * the evidence points. Decks stored by a version without evidence points have none until updated.
 */
export function pointsOf(
	item: Pick<InterviewItem, 'keyPoints'> & { evidence?: readonly string[] }
): KeyPoint[] {
	return [
		...item.keyPoints.map((text) => ({ text, evidence: false })),
		...(item.evidence ?? []).map((text) => ({ text, evidence: true }))
	];
}

/** The share of key points covered, 0 to 1. */
export function interviewScore(covered: number, keyPoints: number): number {
	return keyPoints === 0 ? 0 : Math.min(1, Math.max(0, covered / keyPoints));
}

/**
 * The scheduling grade an interview score earns: a question answered poorly comes back soon, one
 * answered fully goes away for longer.
 */
export function gradeForScore(score: number): Grade {
	if (score >= 0.9) return Rating.Easy;
	if (score >= 0.6) return Rating.Good;
	if (score >= 0.3) return Rating.Hard;
	return Rating.Again;
}

/**
 * Orders questions for practice: those due first (most overdue first), then those never answered
 * (in note order), then the rest by when they come due.
 */
export function practiceOrder(
	questions: readonly InterviewItem[],
	states: ReadonlyMap<string, CardState>,
	now: number
): InterviewItem[] {
	const rank = (item: InterviewItem): [number, number] => {
		const state = states.get(item.id);
		if (!state || state.retired) return [1, 0];
		return state.due <= now ? [0, state.due] : [2, state.due];
	};
	return questions
		.map((item, index) => ({ item, index, rank: rank(item) }))
		.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
		.map(({ item }) => item);
}

/** How many interview questions are due now (answered before and due again). */
export function dueQuestions(
	questions: readonly InterviewItem[],
	states: ReadonlyMap<string, CardState>,
	now: number
): number {
	return questions.filter((item) => {
		const state = states.get(item.id);
		return state !== undefined && !state.retired && state.due <= now;
	}).length;
}

/** Picks the questions of a mock interview at random, from different topics where possible. */
export function mockQuestions(
	questions: readonly InterviewItem[],
	random: () => number,
	count = MOCK_LENGTH
): InterviewItem[] {
	const pool = shuffled(questions, random);
	const chosen: InterviewItem[] = [];
	const topics = new Set<string>();
	for (const item of pool) {
		if (chosen.length < count && !topics.has(`${item.id.split('/')[0]}/${item.topic}`)) {
			chosen.push(item);
			topics.add(`${item.id.split('/')[0]}/${item.topic}`);
		}
	}
	for (const item of pool) if (chosen.length < count && !chosen.includes(item)) chosen.push(item);
	return chosen;
}

/** A past mock interview: when it started, how many questions were answered, the average score. */
export interface MockResult {
	started: number;
	count: number;
	average: number;
}

/** Past mock interviews from the answer history, newest first. */
export function mockHistory(answers: readonly InterviewAnswer[]): MockResult[] {
	const byMock = new Map<number, InterviewAnswer[]>();
	for (const answer of answers) {
		if (answer.mock === null) continue;
		const list = byMock.get(answer.mock) ?? [];
		list.push(answer);
		byMock.set(answer.mock, list);
	}
	return [...byMock.entries()]
		.map(([started, list]) => ({
			started,
			count: list.length,
			average: list.reduce((sum, answer) => sum + answer.score, 0) / list.length
		}))
		.sort((a, b) => b.started - a.started);
}
