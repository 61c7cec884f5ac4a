import { describe, expect, it } from 'vitest';
import { clozeDeletions, toAnkiCloze } from '$lib/import/cloze';

describe('Anki cloze notes', () => {
	it('gives one card per cloze number, with hints and the other clozes shown', () => {
		expect(clozeDeletions('{{c1::Paris}} is the capital of {{c2::France::country}}.')).toEqual([
			{ cloze: 1, text: '[…] is the capital of France.', answer: 'Paris' },
			{ cloze: 2, text: 'Paris is the capital of […].', answer: 'France', hint: 'country' }
		]);
	});

	it('hides every phrase of a repeated number on one card', () => {
		expect(clozeDeletions('{{c1::A}} and {{c1::B}} beat {{c3::C}}')).toEqual([
			{ cloze: 1, text: '[…] and […] beat C', answer: 'A; B' },
			{ cloze: 3, text: 'A and B beat […]', answer: 'C' }
		]);
	});

	it('writes a card back as Anki cloze text', () => {
		expect(toAnkiCloze('[…] is the capital', 'Paris')).toBe('{{c1::Paris}} is the capital');
		expect(toAnkiCloze('[…] and […]', 'A; B', 'x; y', 2)).toBe('{{c2::A::x}} and {{c2::B::y}}');
	});
});
