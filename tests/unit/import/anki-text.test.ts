import { describe, expect, it } from 'vitest';
import { importAnkiText } from '$lib/import/anki-text';
import { ImportError } from '$lib/import/errors';
import { MAX_IMPORT_BYTES } from '$lib/import/types';

describe("Anki's Notes in Plain Text", () => {
	it('reads the headers Anki writes: separator, html, deck, tags and the tags column', () => {
		const file = [
			'#separator:Semicolon',
			'#html:true',
			'#deck:CTO::Strategy',
			'#tags:imported',
			'#tags column:3',
			// An entity holds the separator: Anki quotes such a field.
			'What is a <b>CTO</b>?;"The <i>chief</i> technology&nbsp;officer";leadership roles',
			'"Two; parts";"A back with a ""quote""<br>and a line";'
		].join('\n');
		const result = importAnkiText(file);
		expect(result.name).toBe('CTO::Strategy');
		expect(result.cards).toEqual([
			expect.objectContaining({
				kind: 'basic',
				front: 'What is a CTO?',
				back: 'The chief technology officer',
				tags: ['imported', 'leadership', 'roles'],
				line: 6
			}),
			expect.objectContaining({
				front: 'Two; parts',
				back: 'A back with a "quote"\nand a line',
				tags: ['imported'],
				line: 7
			})
		]);
		expect(result.warnings).toEqual([]);
	});

	it('skips the notetype, deck and guid columns and makes cloze cards of cloze notes', () => {
		const file = [
			'#separator:tab',
			'#html:false',
			'#guid column:1',
			'#notetype column:2',
			'#deck column:3',
			'g1\tBasic\tDeck A\tFront\tBack',
			'g2\tCloze\tDeck A\t{{c1::Paris}} is in {{c2::France::country}}\t'
		].join('\n');
		const result = importAnkiText(file);
		expect(result.name).toBe('Deck A');
		expect(
			result.cards.map((card) =>
				card.kind === 'cloze' ? [card.text, card.answer, card.hint] : [card.front, card.back]
			)
		).toEqual([
			['Front', 'Back'],
			['[…] is in France', 'Paris', undefined],
			['Paris is in […]', 'France', 'country']
		]);
	});

	it('keeps only the answer of a rendered card, below <hr id=answer>', () => {
		const [card] = importAnkiText(
			'What is a CTO?\tWhat is a CTO?<hr id=answer>The technology lead'
		).cards;
		expect(card).toMatchObject({ front: 'What is a CTO?', back: 'The technology lead' });
	});

	it('picks the front and back by the names in #columns', () => {
		const file = '#separator:comma\n#columns:Back,Front\nanswer,question\n';
		const [card] = importAnkiText(file).cards;
		expect(card).toMatchObject({ front: 'question', back: 'answer' });
	});

	it('guesses the separator of a file without headers, tab first', () => {
		expect(importAnkiText('a,b\tc\nd\te,f').cards).toMatchObject([
			{ front: 'a,b', back: 'c' },
			{ front: 'd', back: 'e,f' }
		]);
		expect(importAnkiText('a;b\nc;d\n').cards).toHaveLength(2);
	});

	it('skips a first row of column names in a file without headers', () => {
		const result = importAnkiText('Front\tBack\nCTO\tChief technology officer\n');
		expect(result.cards).toMatchObject([{ front: 'CTO' }]);
		expect(result.skipped).toEqual([
			{ line: 1, reason: 'the row names the columns; it is not a card.' }
		]);
	});

	it('refuses pasted text over the size limit', () => {
		expect(() => importAnkiText('x'.repeat(MAX_IMPORT_BYTES + 1))).toThrow(
			/the most a file of cards may be is 20 MB/
		);
	});

	it('skips one-field rows with their line, counts duplicates, warns of unknown headers', () => {
		const file = '#separator:tab\n#colour:blue\nonly one\nf\tb\nf\tb\nF \t b\n';
		const result = importAnkiText(file);
		expect(result.cards).toHaveLength(1);
		expect(result.duplicates).toBe(2);
		expect(result.skipped).toEqual([{ line: 3, reason: expect.stringMatching(/only one field/) }]);
		expect(result.warnings).toEqual([expect.stringMatching(/Line 2.*#colour.*ignored/)]);
	});

	it('keeps literal markup of #html:false as text, neutralised', () => {
		const [card] = importAnkiText('#html:false\n<b>bold</b>\tjavascript:alert(1)').cards;
		expect(card).toMatchObject({ front: '‹b>bold‹/b>', back: 'javascript∶alert(1)' });
	});

	it('refuses a header Anki would refuse, naming the line', () => {
		expect(() => importAnkiText('#separator:dash\na-b')).toThrow(
			new ImportError(
				'"#separator:dash" is not a separator Anki reads: write Tab, Comma, Semicolon, Space, Pipe, Colon or a single character.',
				1
			)
		);
		expect(() => importAnkiText('#html:maybe\na\tb')).toThrow(
			/^Line 1: "#html:" must be true or false/
		);
	});

	it('refuses an unterminated quote with its line', () => {
		expect(() => importAnkiText('#separator:tab\na\tb\n"c\td\ne\tf')).toThrow(
			/^Line 3: a field opens with a quote/
		);
	});
});

describe('a cloze note’s Back Extra', () => {
	it('is kept on each of its cards, unless it only repeats the answer', () => {
		const text = [
			'#separator:tab',
			'#html:true',
			'#notetype column:1',
			'Cloze\t{{c1::Conway}}’s law, {{c2::1967}}\tMelvin <b>Conway</b>',
			'Cloze\t{{c1::Brooks}}’s law\tBrooks'
		].join('\n');
		const cards = importAnkiText(text).cards;
		expect(cards.map((card) => (card.kind === 'cloze' ? card.extra : null))).toEqual([
			'Melvin Conway',
			'Melvin Conway',
			undefined
		]);
	});

	it('too long is a field too long: the card is left out with the reason, as for any side', () => {
		const text = [
			'#separator:tab',
			'#notetype column:1',
			`Cloze\t{{c1::Conway}}’s law\t${'x'.repeat(10_001)}`,
			'Cloze\t{{c1::Brooks}}’s law\tFred Brooks'
		].join('\n');
		const result = importAnkiText(text);
		expect(result.cards).toHaveLength(1);
		expect(result.skipped).toEqual([
			{ line: 3, reason: expect.stringMatching(/^a field is 10,001 characters long/) }
		]);
	});
});
