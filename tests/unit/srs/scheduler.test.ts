import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	studyDayEnd,
	studyDayKey,
	studyDayStart,
	formatInterval,
	describeInterval
} from '$lib/srs/day';
import { answerCard, newCardState, previewDue, replayCard, undoReview } from '$lib/srs/scheduler';
import { factOf } from '$lib/content/ids';
import {
	Rating,
	State,
	type CardState,
	type CramReview,
	type Grade,
	type ScheduledReview
} from '$lib/srs/types';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PARAMS = { retention: 0.9, fuzz: false };

describe('scheduling with ts-fsrs', () => {
	it('previews longer intervals for better grades', () => {
		const due = previewDue(newCardState('d/t/x/basic', 'd', NOW), NOW, PARAMS);
		expect(due[Rating.Again] - NOW).toBe(MINUTE);
		expect(due[Rating.Hard]).toBeGreaterThan(due[Rating.Again]);
		expect(due[Rating.Good]).toBeGreaterThan(due[Rating.Hard]);
		expect(due[Rating.Easy] - NOW).toBeGreaterThanOrEqual(DAY);
	});

	it('records the state before the answer and the settings it was given with', () => {
		const start = newCardState('d/t/x/basic', 'd', NOW);
		const { state, review } = answerCard(start, Rating.Good, NOW, PARAMS, 4200);
		expect(state.state).toBe(State.Learning);
		expect(state.reps).toBe(1);
		expect(review).toMatchObject({
			card: 'd/t/x/basic',
			rating: Rating.Good,
			time: NOW,
			durationMs: 4200,
			mode: 'review',
			state: State.New,
			dueBefore: start.due,
			retention: 0.9,
			fuzz: false
		});
	});

	it('a higher desired retention gives shorter intervals', () => {
		let card = newCardState('d/t/x/basic', 'd', NOW);
		let time = NOW;
		for (const grade of [Rating.Good, Rating.Good, Rating.Good] as Grade[]) {
			card = answerCard(card, grade, time, PARAMS, 0).state;
			time = card.due;
		}
		const strict = previewDue(card, time, { retention: 0.97, fuzz: false })[Rating.Good];
		const relaxed = previewDue(card, time, { retention: 0.8, fuzz: false })[Rating.Good];
		expect(strict).toBeLessThan(relaxed);
	});

	it('knows the fact of a card from its id', () => {
		expect(factOf('roles/strategic-roles/technology-strategy/reverse')).toBe(
			'roles/strategic-roles/technology-strategy'
		);
	});
});

/** Answers a card with the given grades, each some minutes or days after it came due. */
function history(grades: Grade[], delays: number[], fuzz: boolean) {
	let state: CardState = newCardState('d/t/x/basic', 'd', NOW);
	let time = NOW;
	const reviews: ScheduledReview[] = [];
	grades.forEach((grade, i) => {
		const answered = answerCard(state, grade, time, { retention: 0.9, fuzz }, 1000);
		reviews.push({ ...answered.review, id: i + 1 });
		state = answered.state;
		time = Math.max(time + MINUTE, state.due + (delays[i] ?? 0));
	});
	return { state, reviews };
}

const grades = fc.array(
	fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
	{
		minLength: 1,
		maxLength: 12
	}
);
const delays = fc.array(fc.integer({ min: -2 * DAY, max: 20 * DAY }), {
	minLength: 12,
	maxLength: 12
});

describe('the review log is the record of truth', () => {
	it('replaying a card’s reviews gives its stored state', () => {
		fc.assert(
			fc.property(grades, delays, fc.boolean(), (ratings, waits, fuzz) => {
				const { state, reviews } = history(ratings, waits, fuzz);
				expect(replayCard(state, reviews).state).toEqual(state);
			}),
			{ numRuns: 200 }
		);
	});

	it('undoing the last answer (ts-fsrs rollback) gives the replay of the reviews before it', () => {
		fc.assert(
			fc.property(grades, delays, fc.boolean(), (ratings, waits, fuzz) => {
				const { state, reviews } = history(ratings, waits, fuzz);
				const last = reviews[reviews.length - 1] as ScheduledReview;
				const undone = undoReview(state, last);
				const replayed = replayCard(state, reviews.slice(0, -1)).state;
				expect(undone).toEqual(replayed);
			}),
			{ numRuns: 200 }
		);
	});

	it('cram answers do not count in the replay', () => {
		const { state, reviews } = history([Rating.Good, Rating.Good], [0, 0], false);
		const cram: CramReview = {
			card: state.id,
			deck: 'd',
			rating: Rating.Again,
			time: NOW + MINUTE,
			durationMs: 1,
			mode: 'cram'
		};

		expect(replayCard(state, [...reviews, cram]).state).toEqual(state);
	});
});

describe('study days', () => {
	// The test clock runs in UTC (vitest config), so local time is UTC here.
	it('start at the configured hour, so a late session counts for the evening before', () => {
		const lateNight = Date.UTC(2026, 10, 24, 2, 30);
		expect(studyDayStart(lateNight, 4)).toBe(Date.UTC(2026, 10, 23, 4));
		expect(studyDayEnd(lateNight, 4)).toBe(Date.UTC(2026, 10, 24, 4));
		expect(studyDayKey(lateNight, 4)).toBe('2026-11-23');
		expect(studyDayKey(Date.UTC(2026, 10, 24, 4), 4)).toBe('2026-11-24');
		expect(studyDayStart(NOW, 0)).toBe(Date.UTC(2026, 10, 23));
	});

	it('format intervals shortly for buttons and in words for screen readers', () => {
		expect(formatInterval(MINUTE)).toBe('1m');
		expect(formatInterval(10 * MINUTE)).toBe('10m');
		expect(formatInterval(5 * 60 * MINUTE)).toBe('5h');
		expect(formatInterval(4 * DAY)).toBe('4d');
		expect(formatInterval(90 * DAY)).toBe('3mo');
		expect(formatInterval(600 * DAY)).toBe('1.6y');
		expect(describeInterval(MINUTE)).toBe('in 1 minute');
		expect(describeInterval(4 * DAY)).toBe('in 4 days');
	});
});
