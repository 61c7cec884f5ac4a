import { describe, expect, it } from 'vitest';
import { describeImport, describeProgress, formatBytes } from '$lib/format';
import { hasProgress } from '$lib/backup/file';

describe('what the Settings page says', () => {
	it('names exactly what a reset deletes', () => {
		expect(
			describeProgress({ cards: 42, reviews: 310, quizAttempts: 3, interviewAnswers: 5 })
		).toBe('42 card states, 310 flashcard answers, 3 quiz attempts and 5 interview answers');
		expect(describeProgress({ cards: 1, reviews: 1, quizAttempts: 0, interviewAnswers: 1 })).toBe(
			'1 card state, 1 flashcard answer and 1 interview answer'
		);
	});

	it('says so when there is nothing', () => {
		const none = { cards: 0, reviews: 0, quizAttempts: 0, interviewAnswers: 0 };
		expect(describeProgress(none)).toBe('no progress');
		expect(describeImport({ ...none, settings: 0, myAnswers: null, rebuilt: 0 })).toBe('nothing');
	});

	it('counts what an import stored, settings included', () => {
		expect(
			describeImport({
				cards: 40,
				reviews: 1200,
				quizAttempts: 2,
				interviewAnswers: 5,
				settings: 1,
				myAnswers: null,
				rebuilt: 0
			})
		).toBe(
			'40 card states, 1,200 flashcard answers, 2 quiz attempts, 5 interview answers and 1 setting'
		);
		expect(
			describeImport({
				cards: 0,
				reviews: 0,
				quizAttempts: 0,
				interviewAnswers: 0,
				settings: 0,
				myAnswers: 2,
				rebuilt: 0
			})
		).toBe('2 answers of your own');
		expect(
			describeImport({
				cards: 2,
				reviews: 3,
				quizAttempts: 0,
				interviewAnswers: 0,
				settings: 0,
				myAnswers: 0,
				rebuilt: 1
			})
		).toBe(
			'2 card states and 3 flashcard answers. In this file, 1 card had a state that did not match its own answers. Answers are the record of truth, so that card is set from its answers.'
		);
	});

	it('knows whether there is progress to back up', () => {
		const none = { cards: 0, reviews: 0, quizAttempts: 0, interviewAnswers: 0 };
		expect(hasProgress(none)).toBe(false);
		expect(hasProgress({ ...none, quizAttempts: 1 })).toBe(true);
	});

	it('shows sizes as a person reads them', () => {
		expect(formatBytes(0)).toBe('0 bytes');
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(1_234_567)).toBe('1.2 MB');
		expect(formatBytes(3_100_000_000)).toBe('3.1 GB');
		expect(formatBytes(250_000_000)).toBe('250 MB');
	});
});
