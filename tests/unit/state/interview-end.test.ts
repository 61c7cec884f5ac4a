import { describe, expect, it } from 'vitest';
import { lostOnEnd } from '$lib/state/interview-result';

describe('ending an interview', () => {
	it('asks first only when an answer on screen would go unscored', () => {
		const practice = { mode: 'practice', index: 3, questions: { length: 4 } } as const;
		expect(lostOnEnd({ ...practice, phase: 'answering', notes: '' })).toBeNull();
		expect(lostOnEnd({ ...practice, phase: 'answering', notes: '  \n' })).toBeNull();
		expect(lostOnEnd({ ...practice, phase: 'answering', notes: 'We hired first' })).toBe(
			'Your answer to this question is not scored, and what you typed is not kept.'
		);
		expect(lostOnEnd({ ...practice, phase: 'reveal', notes: '' })).toMatch(/not scored yet/);
		// A scored question is stored; a follow-up's answer is kept by ending.
		expect(lostOnEnd({ ...practice, phase: 'scored', notes: 'We hired first' })).toBeNull();
		expect(lostOnEnd({ ...practice, phase: 'follow-up', notes: 'We hired first' })).toBeNull();
	});

	it('says that a recording stays, and how many questions of a mock are not asked', () => {
		// Nothing typed, but recorded: the recording is kept, and said so.
		expect(
			lostOnEnd(
				{ mode: 'practice', index: 0, questions: { length: 9 }, phase: 'answering', notes: '' },
				true
			)
		).toBe('Its recording stays on this device (Settings, Recorded answers).');
		// A mock's untouched third question: a stray tap would end it, so it asks.
		expect(
			lostOnEnd({ mode: 'mock', index: 2, questions: { length: 5 }, phase: 'answering', notes: '' })
		).toBe('2 questions are not asked; the summary shows the ones you answered.');
		expect(
			lostOnEnd({ mode: 'mock', index: 3, questions: { length: 5 }, phase: 'scored', notes: '' })
		).toBe('1 question is not asked; the summary shows the ones you answered.');
		// The last question scored: nothing is left.
		expect(
			lostOnEnd({ mode: 'mock', index: 4, questions: { length: 5 }, phase: 'scored', notes: '' })
		).toBeNull();
	});
});
