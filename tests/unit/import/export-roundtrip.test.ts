import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deckToAnkiText } from '$lib/export/anki-text';
import { exportFileName, type ExportCard, type ExportDeck } from '$lib/export/cards';
import { deckToCsv } from '$lib/export/csv';
import { importAnkiText } from '$lib/import/anki-text';
import { decodeImportFile } from '$lib/import/decode';
import { importDelimited } from '$lib/import/delimited';
import type { ImportResult } from '$lib/import/types';
import type { CardItem } from '$lib/content/types';
import { neutralizeMarkup } from '$lib/markup';

const deck: ExportDeck = {
	name: 'CTO\tinterview',
	cards: [
		{
			kind: 'basic',
			front: 'What does a CTO own?',
			back: 'The technology strategy',
			tags: ['roles']
		},
		{ kind: 'basic', front: '#1 rule', back: 'Say "no"\nto most things; kindly', tags: [] },
		{ kind: 'reverse', front: 'Chief technology officer', back: 'CTO' },
		{
			kind: 'cloze',
			text: 'A […] sets the engineering culture.',
			answer: 'CTO',
			tags: ['culture', 'people']
		},
		{
			kind: 'cloze',
			text: '[…] is in […]',
			answer: 'Paris; France',
			hint: 'city; country',
			cloze: 2
		}
	]
};

/** What a learner sees of the cards, and the keys storage matches them by. */
function seen(result: ImportResult) {
	return result.cards.map((card) =>
		card.kind === 'cloze'
			? {
					key: card.key,
					text: card.text,
					answer: card.answer,
					hint: card.hint,
					cloze: card.cloze,
					tags: card.tags
				}
			: { key: card.key, front: card.front, back: card.back, tags: card.tags }
	);
}

function expected() {
	return deck.cards.map((card) =>
		card.kind === 'cloze'
			? {
					text: card.text,
					answer: card.answer,
					hint: card.hint,
					cloze: card.cloze ?? 1,
					tags: card.tags ?? []
				}
			: { front: card.front, back: card.back, tags: card.tags ?? [] }
	);
}

const fromCsv = (csv: string) =>
	importDelimited(csv, { separator: ',', header: true, front: 0, back: 1, tags: 2 });

describe('exporting a deck and importing it again', () => {
	it('names the file after the deck', () => {
		expect(exportFileName('CTO\tinterview: Día 1', 'anki-text')).toBe('cto-interview-dia-1.txt');
		expect(exportFileName('日本語', 'csv')).toBe('deck.csv');
	});

	it('writes the header lines Anki reads', () => {
		const text = deckToAnkiText(deck);
		expect(text.split('\n').slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:false',
			'#deck:CTO interview',
			'#notetype column:1',
			'#tags column:4'
		]);
		expect(text).toContain('Basic\t"#1 rule"\t"Say ""no""\nto most things; kindly"\t\n');
		expect(text).toContain('Cloze\t{{c2::Paris::city}} is in {{c2::France::country}}\t\t\n');
		expect(
			deckToAnkiText({ name: 'Plain', cards: [{ kind: 'basic', front: 'a', back: 'b' }] })
		).toBe('#separator:tab\n#html:false\n#deck:Plain\na\tb\n');
	});

	it('quotes a field holding a tab, so a tab never splits a card', () => {
		const text = deckToAnkiText({
			name: 'T',
			cards: [{ kind: 'basic', front: 'a\tb', back: 'c' }]
		});
		expect(text.endsWith('"a\tb"\tc\n')).toBe(true);
		// Inside a card, a tab is blank space like any other: it reads back as a space.
		expect(importAnkiText(text).cards[0]).toMatchObject({ front: 'a b', back: 'c' });
	});

	it("exports the app's own cards as they are", () => {
		const source = { file: 'roles.md', heading: 'Roles', anchor: 'roles', line: 3 };
		const base = { topic: 'roles', source };
		const cards: CardItem[] = [
			{
				...base,
				id: 'cto/roles/cto/basic',
				fact: 'cto/roles/cto',
				kind: 'basic',
				front: 'CTO',
				back: 'Chief technology officer'
			},
			{
				...base,
				id: 'cto/roles/law/cloze',
				fact: 'cto/roles/law',
				kind: 'cloze',
				text: "[…]'s law",
				answer: 'Conway'
			}
		];
		const result = importAnkiText(deckToAnkiText({ name: 'CTO', cards }));
		expect(seen(result)).toMatchObject([
			{ front: 'CTO', back: 'Chief technology officer', tags: [] },
			{ text: "[…]'s law", answer: 'Conway', cloze: 1, tags: [] }
		]);
	});

	it('gives the same cards back from Anki text, read as a file', () => {
		const bytes = new TextEncoder().encode(deckToAnkiText(deck));
		const result = importAnkiText(decodeImportFile(bytes));
		expect(result.name).toBe('CTO interview');
		expect(seen(result)).toMatchObject(expected());
		expect(result.skipped).toEqual([]);
		expect(result.warnings).toEqual([]);
	});

	it('gives the same cards back from CSV, with the same keys', () => {
		const csv = deckToCsv(deck);
		expect(csv.split('\r\n')[0]).toBe('front,back,tags');
		const result = fromCsv(decodeImportFile(new TextEncoder().encode(csv)));
		expect(seen(result)).toMatchObject(expected());
		expect(seen(result).map((card) => card.key)).toEqual(
			seen(importAnkiText(deckToAnkiText(deck))).map((card) => card.key)
		);
	});

	it('round-trips any text of words, quotes, separators and line breaks', () => {
		const word = fc.stringMatching(/^[A-Za-z0-9"#;,|:&'<é]{1,8}$/);
		const side = fc
			.array(fc.tuple(word, fc.constantFrom(' ', '\n', '\t ')), { minLength: 1, maxLength: 6 })
			.map((parts) =>
				parts
					.map(([text, gap]) => text + gap)
					.join('')
					.trim()
					.replace(/\t /g, ' ')
			);
		const card = fc.record({
			front: side,
			back: side,
			tags: fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 })
		});
		fc.assert(
			fc.property(
				fc.uniqueArray(card, {
					minLength: 1,
					maxLength: 8,
					selector: (item) => item.front.toLowerCase()
				}),
				(cards) => {
					const exported: ExportCard[] = cards.map((item) => ({ kind: 'basic', ...item }));
					const want = cards.map((item) => ({
						front: neutralizeMarkup(item.front),
						back: neutralizeMarkup(item.back),
						tags: [...new Set(item.tags)]
					}));
					const viaAnki = importAnkiText(deckToAnkiText({ name: 'x', cards: exported }));
					const viaCsv = fromCsv(deckToCsv({ name: 'x', cards: exported }));
					expect(seen(viaAnki)).toMatchObject(want);
					expect(seen(viaCsv)).toMatchObject(want);
				}
			)
		);
	});
});
