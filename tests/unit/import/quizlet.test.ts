import { describe, expect, it } from 'vitest';
import { importQuizlet } from '$lib/import/quizlet';

describe("Quizlet's export", () => {
	it('reads tab and new line, the defaults', () => {
		const result = importQuizlet(
			'CTO\tChief technology officer\n\nCIO\tChief information officer, in short\n'
		);
		expect(result.cards).toMatchObject([
			{ front: 'CTO', back: 'Chief technology officer', line: 1 },
			{ front: 'CIO', back: 'Chief information officer, in short', line: 3 }
		]);
	});

	it('reads comma and semicolon, splitting a card at its first comma', () => {
		const result = importQuizlet('a,b, c;d,e', { term: 'comma', card: 'semicolon' });
		expect(result.cards).toMatchObject([
			{ front: 'a', back: 'b, c' },
			{ front: 'd', back: 'e' }
		]);
	});

	it('reads custom separators, with lines across cards', () => {
		const text = 'term one -- first\ndefinition%%\nterm two -- second%%no separator';
		const result = importQuizlet(text, { term: { custom: ' -- ' }, card: { custom: '%%' } });
		expect(result.cards).toMatchObject([
			{ front: 'term one', back: 'first\ndefinition', line: 1 },
			{ front: 'term two', back: 'second', line: 3 }
		]);
		expect(result.skipped).toEqual([
			{ line: 3, reason: 'there is no separator between term and definition.' }
		]);
	});

	it('refuses separators that cannot split anything', () => {
		expect(() => importQuizlet('a', { term: { custom: '' }, card: 'newline' })).toThrow(
			/cannot be empty/
		);
		expect(() => importQuizlet('a', { term: { custom: ';' }, card: 'semicolon' })).toThrow(
			/must differ/
		);
	});
});
