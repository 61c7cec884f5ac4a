import { describe, expect, it } from 'vitest';
import { deliveryOf, fillersIn, lengthAgainstTimer } from '$lib/quiz/delivery';

describe('which filler words an answer has', () => {
	it('names each filler and how often, most frequent first (then A to Z), umm and uhh as um and uh', () => {
		expect(fillersIn('Umm, we grew. Uh, you know, um, it was, like, hard. Uhh you know.')).toEqual([
			{ word: 'uh', count: 2 },
			{ word: 'um', count: 2 },
			{ word: 'you know', count: 2 },
			{ word: 'like', count: 1 }
		]);
		expect(fillersIn('I would like to lead a team that looks like a startup.')).toEqual([]);
	});

	it('in a transcript without punctuation, as recognisers give, counts um, uh and you know, not like', () => {
		// Without commas "like" cannot be told from the verb, so it is not counted (README says so).
		expect(fillersIn('um so we cut the scope you know and like it was uh hard')).toEqual([
			{ word: 'uh', count: 1 },
			{ word: 'um', count: 1 },
			{ word: 'you know', count: 1 }
		]);
		expect(fillersIn('Um, like. Uh like, we grew')).toEqual([
			{ word: 'like', count: 2 },
			{ word: 'uh', count: 1 },
			{ word: 'um', count: 1 }
		]);
		expect(fillersIn('um like we grew')).toEqual([
			{ word: 'like', count: 1 },
			{ word: 'um', count: 1 }
		]);
	});

	it('gives the delivery of a transcript: words per minute, fillers and length', () => {
		expect(deliveryOf('Um, we cut the scope, you know.', 16, 120)).toEqual({
			words: 7,
			wordsPerMinute: 26,
			fillers: 2,
			fillerWords: [
				{ word: 'um', count: 1 },
				{ word: 'you know', count: 1 }
			],
			seconds: 16,
			limit: 120
		});
	});

	it('rounds the length to whole seconds before it splits minutes from seconds', () => {
		expect(lengthAgainstTimer(59.6, 120)).toBe('1:00 of 2:00');
		expect(lengthAgainstTimer(119.4, 120)).toBe('1:59 of 2:00');
	});
});
