import { describe, expect, it } from 'vitest';
import { importAnkiText } from '$lib/import/anki-text';
import { CardCollector } from '$lib/import/collect';
import { MAX_FIELD_CHARACTERS } from '$lib/import/types';

const keys = (text: string) => importAnkiText(text).cards.map((card) => card.key);

describe('content keys and the rules every importer shares', () => {
	it('keeps a card its key when its back or its place in the file is corrected', () => {
		const before = keys('#html:false\nWhat is a CTO?\tA job\nWhat is a CIO?\tAnother job\n');
		const after = keys(
			'#html:false\n#deck:Fixed\nWhat is a CIO?\tThe information lead\nwhat is a  CTO? \tThe technology lead\n'
		);
		expect(after).toEqual([before[1], before[0]]);
		expect(before[0]).toMatch(/^basic-[0-9a-z]+$/);
	});

	it('keeps a cloze card its key when its answer is corrected', () => {
		const [before] = keys('{{c1::Paris}} is the capital of France\t');
		const [after] = keys('{{c1::París}} is the capital of France\t');
		expect(after).toBe(before);
		expect(before).toMatch(/^cloze-/);
	});

	it('numbers the keys of cards that share a front but differ in back, in file order', () => {
		const [first, second, third] = keys('bank\triver side\nbank\tmoney house\nBank\tto tilt\n');
		expect(second).toBe(`${first}-2`);
		expect(third).toBe(`${first}-3`);
	});

	it('skips a side longer than the limit, saying the limit', () => {
		const collector = new CardCollector();
		collector.add({ front: 'ok', back: 'fine', tags: [], line: 1, html: false });
		collector.add({
			front: 'long',
			back: 'x'.repeat(MAX_FIELD_CHARACTERS + 1),
			tags: [],
			line: 2,
			html: false
		});
		expect(collector.result().skipped).toEqual([
			{
				line: 2,
				reason: 'a field is 10,001 characters long; the most a side of a card may be is 10,000.'
			}
		]);
	});

	it('keeps tags as single words, each once, neutralised', () => {
		const collector = new CardCollector();
		collector.add({
			front: 'f',
			back: 'b',
			tags: ['a  b', 'a', '<script>', 'x'.repeat(101)],
			line: 1,
			html: false
		});
		expect(collector.result().cards[0]?.tags).toEqual(['a', 'b', '‹script>']);
	});

	it('refuses a file that gives no card, with the first reason', () => {
		expect(() => importAnkiText('only\nfields\n')).toThrow(
			/^No card could be made from this file\. Line 1: the note has only one field/
		);
	});
});
