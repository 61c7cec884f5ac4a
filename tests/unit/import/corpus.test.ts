import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAnkiText } from '$lib/import/anki-text';
import { decodeImportFile } from '$lib/import/decode';
import { importDelimited } from '$lib/import/delimited';
import { ImportError } from '$lib/import/errors';
import { importQuizlet } from '$lib/import/quizlet';
import type { QuizletOptions } from '$lib/import/types';
import {
	MAX_IMPORT_BYTES,
	MAX_IMPORT_CARDS,
	MAX_IMPORT_ROWS,
	type ImportedCard,
	type ImportResult
} from '$lib/import/types';
import { MARKUP } from '$lib/markup';

const CORPUS = new URL('../../fixtures/import-corpus/', import.meta.url);

/** How a file is read: as Anki text, as CSV/TSV with the first two columns, or as Quizlet's export. */
type Reader =
	| { as: 'anki' }
	| { as: 'delimited'; separator: string; header: boolean }
	| { as: 'quizlet'; options: QuizletOptions };

type Outcome =
	| { refused: string[] }
	| {
			cards: number;
			skipped?: number[];
			duplicates?: number;
			warnings?: string[];
			sample?: Partial<Record<'front' | 'back' | 'text' | 'answer' | 'hint', string>>;
	  };

const anki: Reader = { as: 'anki' };
const csv = (header = false): Reader => ({ as: 'delimited', separator: ',', header });
const tsv = (header = false): Reader => ({ as: 'delimited', separator: '\t', header });

const CASES: Record<string, [Reader, Outcome]> = {
	'empty.txt': [anki, { refused: ['empty'] }],
	'whitespace-only.txt': [anki, { refused: ['blank space'] }],
	'truncated-utf8.txt': [anki, { refused: ['Line 2', 'not valid UTF-8', 'cut short'] }],
	'utf16le-bom.txt': [anki, { cards: 2, sample: { front: 'Straße', back: 'street' } }],
	'utf16be-bom.txt': [anki, { cards: 2, sample: { front: 'Straße', back: 'street' } }],
	'utf16-no-bom.txt': [anki, { refused: ['NUL byte', 'UTF-16'] }],
	'utf8-bom.tsv': [tsv(true), { cards: 1, sample: { front: 'CTO' } }],
	'latin1.csv': [csv(true), { refused: ['Line 2', 'UTF-8', 'Latin-1'] }],
	'deck.zip': [anki, { refused: ['zip file', '.apkg'] }],
	'document.pdf': [anki, { refused: ['PDF'] }],
	'image.png': [anki, { refused: ['PNG'] }],
	'photo.jpg': [anki, { refused: ['JPEG'] }],
	'archive.gz': [anki, { refused: ['gzip'] }],
	'collection.anki2': [anki, { refused: ['SQLite'] }],
	'nul-bytes.txt': [anki, { refused: ['NUL byte'] }],
	'broken-quoting.csv': [csv(true), { refused: ['Line 2', 'closing quote'] }],
	'unterminated-quote.csv': [csv(true), { refused: ['Line 3', 'never closed'] }],
	'mixed-separators.txt': [anki, { cards: 2, skipped: [2, 3] }],
	'one-column.csv': [csv(), { refused: ['No row has 2 columns', 'comma'] }],
	'duplicate-rows.tsv': [tsv(), { cards: 2, duplicates: 3 }],
	'html-script.txt': [
		anki,
		{
			cards: 2,
			warnings: ['2 pictures or sounds', '3 scripts or styles were left out'],
			sample: { front: 'What runs here?', back: 'Nothing' }
		}
	],
	'javascript-links.txt': [
		anki,
		{
			cards: 1,
			warnings: ['1 field holds text that looks like HTML or a script link'],
			sample: { front: 'Click me', back: 'javascript∶alert(document.cookie)' }
		}
	],
	'entities.txt': [
		anki,
		{ cards: 1, sample: { front: 'Tom & Jerry &nbsp;', back: '‹script>alert(1)‹/script> éé😀' } }
	],
	'media.txt': [
		anki,
		{ cards: 1, warnings: ['2 pictures or sounds were left out'], sample: { front: 'Dog' } }
	],
	'cloze-hints.txt': [
		anki,
		{
			cards: 3,
			skipped: [6],
			sample: {
				text: "[…]'s law: systems mirror the communication structure of […].\nTeam Topologies builds on it.",
				answer: 'Conway; their makers',
				hint: 'person'
			}
		}
	],
	'unknown-headers.txt': [anki, { cards: 1, warnings: ['Line 2', '#colour', 'Line 3'] }],
	'html-false-literal.txt': [
		anki,
		{
			cards: 1,
			warnings: ['2 fields hold text that looks like HTML'],
			sample: { front: 'What does ‹b> do?', back: 'Makes text ‹b>bold‹/b> &amp; more' }
		}
	],
	'long-field.tsv': [tsv(), { cards: 1, skipped: [2] }],
	'crlf.csv': [csv(true), { cards: 2, sample: { front: 'Two\nlines', back: 'back one' } }],
	'cr-only.txt': [anki, { cards: 2, sample: { front: 'CTO' } }],
	'trailing-separators.csv': [csv(), { cards: 2, sample: { back: 'Chief technology officer' } }],
	'empty-front.tsv': [tsv(), { cards: 1, skipped: [1, 3] }],
	'quizlet-custom.txt': [
		{ as: 'quizlet', options: { term: { custom: ' => ' }, card: { custom: ' ## ' } } },
		{ cards: 2, skipped: [2], sample: { front: 'CTO', back: 'Chief technology officer' } }
	],
	'quizlet-semicolon.txt': [
		{ as: 'quizlet', options: { term: 'comma', card: 'semicolon' } },
		{ cards: 2, sample: { back: 'Chief technology officer, the top engineer' } }
	],
	'bad-separator-header.txt': [anki, { refused: ['Line 1', 'Dash', 'Tab, Comma'] }],
	'bad-html-header.txt': [anki, { refused: ['Line 2', 'true or false', 'yes'] }],
	'only-headers.txt': [anki, { refused: ['no cards'] }],
	'nested-html.txt': [anki, { cards: 1, sample: { front: 'Deep' } }],
	'control-characters.txt': [
		anki,
		{ cards: 1, sample: { front: 'Frontbell', back: 'Back[31m colour' } }
	]
};

function read(bytes: Uint8Array, reader: Reader): ImportResult {
	const text = decodeImportFile(bytes);
	if (reader.as === 'anki') return importAnkiText(text);
	if (reader.as === 'quizlet') return importQuizlet(text, reader.options);
	return importDelimited(text, { ...reader, front: 0, back: 1 });
}

function texts(card: ImportedCard): string[] {
	const sides =
		card.kind === 'cloze' ? [card.text, card.answer, card.hint ?? ''] : [card.front, card.back];
	return [...sides, ...card.tags];
}

/** What a file gave, or the message it was refused with. */
function outcome(bytes: Uint8Array, reader: Reader): ImportResult | string {
	try {
		return read(bytes, reader);
	} catch (error) {
		if (!(error instanceof ImportError)) throw error;
		return error.message;
	}
}

describe('the bad-input corpus', () => {
	it('has a case for every file, and at least 30 files', () => {
		const files = readdirSync(CORPUS).filter(
			(name) => !['make.mjs', '.gitattributes'].includes(name)
		);
		expect(files.sort()).toEqual(Object.keys(CASES).sort());
		expect(files.length).toBeGreaterThanOrEqual(30);
	});

	for (const [file, [reader, expected]] of Object.entries(CASES)) {
		it(`${file}: ${'refused' in expected ? 'refused with a reason' : `${expected.cards} cards`}`, () => {
			const result = outcome(readFileSync(new URL(file, CORPUS)), reader);
			if ('refused' in expected) {
				expect(result).toBeTypeOf('string');
				for (const words of expected.refused) expect(result).toContain(words);
				return;
			}
			if (typeof result === 'string') throw new Error(`refused: ${result}`);
			expect(result.cards).toHaveLength(expected.cards);
			expect(result.skipped.map((row) => row.line)).toEqual(expected.skipped ?? []);
			expect(result.duplicates).toBe(expected.duplicates ?? 0);
			for (const words of expected.warnings ?? [])
				expect(result.warnings.join(' ')).toContain(words);
			if (expected.sample)
				expect(result.cards).toContainEqual(expect.objectContaining(expected.sample));
			for (const text of result.cards.flatMap(texts)) {
				expect(text).not.toMatch(/<script|onerror/i);
				expect(text).not.toMatch(MARKUP);
			}
		});
	}
});

describe('files too large to commit', () => {
	it('refuses a 21 MB file, saying its size and the limit', () => {
		const bytes = new Uint8Array(21 * 1024 * 1024).fill(0x61);
		expect(bytes.length).toBeGreaterThan(MAX_IMPORT_BYTES);
		expect(outcome(bytes, anki)).toBe(
			'This file is 21 MB; the most a file of cards may be is 20 MB. Split it into smaller files.'
		);
	});

	const rows = (count: number) =>
		new TextEncoder().encode(
			Array.from({ length: count }, (_, index) => `front ${index}\tback ${index}`).join('\n')
		);
	// Reading 50,000 cards takes about a second, longer on a busy machine: this is not a timed test.
	const LARGE = { timeout: 60_000 };

	it(`refuses ${MAX_IMPORT_CARDS + 1} rows, saying the limit`, LARGE, () => {
		expect(outcome(rows(MAX_IMPORT_CARDS + 1), tsv())).toMatch(
			/more than 50,000 cards; the most one file may give is 50,000/
		);
	});

	it('refuses a file of more rows than the limit, blank and duplicate rows included', LARGE, () => {
		const same = new TextEncoder().encode('front\tback\n\n'.repeat(MAX_IMPORT_ROWS / 2 + 1));
		expect(outcome(same, anki)).toMatch(
			/more than 100,000 rows; the most one file may have is 100,000/
		);
		const quizlet: Reader = { as: 'quizlet', options: { term: 'tab', card: 'newline' } };
		expect(outcome(same, quizlet)).toMatch(/more than 100,000 rows/);
	});

	it(`reads ${MAX_IMPORT_CARDS} rows`, LARGE, () => {
		const enough = outcome(rows(MAX_IMPORT_CARDS), anki);
		expect(typeof enough === 'string' ? enough : enough.cards.length).toBe(MAX_IMPORT_CARDS);
	});
});
