import { describe, expect, it } from 'vitest';
import { coveredPoints, coversPoint } from '$lib/quiz/key-point-detection';
import { countFillers, deliveryOf, lengthAgainstTimer } from '$lib/quiz/delivery';

// Real key points from content/career.md ("the road to CTO" question).
const STAGES =
	'Frames the career along the stages of the road to CTO: programmer or engineer, team lead, project manager or head of technology, VP of technology or head of engineering';
const CHANGES =
	'Says what changed at each step: from doing the work to managing it, then to business strategy and strategic decisions';
const EVIDENCE = 'Gives one lesson and one result, with a figure, for each step they have held';
const points = [
	{ text: STAGES, evidence: false },
	{ text: CHANGES, evidence: false },
	{ text: EVIDENCE, evidence: true }
];

describe('key point detection', () => {
	it('ticks the points an answer covers and not the others', () => {
		const answer =
			'I started as a programmer, became a team lead, then project manager, then head of engineering and VP of technology.';
		expect(coveredPoints(answer, points)).toEqual([0]);
	});

	it('matches forms of a word as the content checks stem them', () => {
		const HIRING = 'Says how they would hire engineers and keep them';
		expect(coversPoint('We hired two engineers', HIRING)).toBe(true);
		expect(coversPoint('Hiring engineers came first', HIRING)).toBe(true);
		// "strategy" and "strategic" are one word.
		expect(coversPoint('a strategic view of revenue', 'Ties the strategy to revenue')).toBe(true);
	});

	it('matches other forms of the same words', () => {
		expect(
			coversPoint(
				'I moved from managing projects to strategic decisions about the business',
				CHANGES
			)
		).toBe(true);
	});

	it('never ticks a point from common words, nor from one of its distinctive words alone', () => {
		expect(coversPoint('the team did the work', CHANGES)).toBe(false);
		expect(coversPoint('strategy', CHANGES)).toBe(false);
		// Common words in the forms the stemmer gives them ("this" -> "thi", "made" -> "mad").
		expect(
			coversPoint('I have made this before', 'Describes what they have made before this')
		).toBe(false);
	});

	it('ticks a point from one declared synonym phrase', () => {
		expect(coversPoint('I climbed the ladder', STAGES, ['climbed the ladder'])).toBe(true);
		expect(coversPoint('the ladder', STAGES, ['the'])).toBe(false);
	});

	it('matches words without interpreting negation', () => {
		expect(
			coversPoint('I never made strategic decisions about business, nor managed a change', CHANGES)
		).toBe(true);
	});

	it('never ticks an evidence point: only the candidate can say an example is their own', () => {
		const answer = `For example, ${EVIDENCE.toLowerCase()}: as team lead we cut releases from 30 days to 7`;
		expect(coveredPoints(answer, points)).not.toContain(2);
		expect(coveredPoints('   ', points)).toEqual([]);
	});
});

describe('delivery figures', () => {
	it('counts words per minute over the time spoken', () => {
		const delivery = deliveryOf('one two three four five six', 15, 120);
		expect(delivery.words).toBe(6);
		expect(delivery.wordsPerMinute).toBe(24);
		expect(deliveryOf('', 20, 120).wordsPerMinute).toBe(0);
	});

	it('tells no pace from an answer under 15 seconds (a few words before the reveal)', () => {
		expect(deliveryOf('one two three four five six', 14.9, 120).wordsPerMinute).toBeNull();
		expect(deliveryOf('', 0, 120).wordsPerMinute).toBeNull();
	});

	it('counts um, uh, you know and a filler like, not the verb', () => {
		expect(countFillers('Um, we grew, you know, uh fast')).toBe(3);
		expect(countFillers('It was, like, hard. Like, really hard')).toBe(2);
		expect(countFillers('I would like to lead, and it looks like a startup')).toBe(0);
	});

	it('shows the length against the timer', () => {
		expect(lengthAgainstTimer(100, 120)).toBe('1:40 of 2:00');
		expect(lengthAgainstTimer(5, 90)).toBe('0:05 of 1:30');
	});
});
