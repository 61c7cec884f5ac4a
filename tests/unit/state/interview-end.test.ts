import { describe, expect, it } from 'vitest';
import { lostOnEnd } from '$lib/state/interview-result';

describe('ending an interview', () => {
	it('asks first only when an answer on screen would go unscored', () => {
		expect(lostOnEnd({ phase: 'answering', notes: '' })).toBeNull();
		expect(lostOnEnd({ phase: 'answering', notes: '  \n' })).toBeNull();
		expect(lostOnEnd({ phase: 'answering', notes: 'We hired first' })).toMatch(/not scored/);
		expect(lostOnEnd({ phase: 'reveal', notes: '' })).toMatch(/not scored yet/);
		// A scored question is stored; a follow-up's answer is kept by ending.
		expect(lostOnEnd({ phase: 'scored', notes: 'We hired first' })).toBeNull();
		expect(lostOnEnd({ phase: 'follow-up', notes: 'We hired first' })).toBeNull();
	});
});
