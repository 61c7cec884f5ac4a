import { describe, expect, it } from 'vitest';
import { importDelimited, previewDelimited } from '$lib/import/delimited';

describe('CSV and TSV files', () => {
	it('previews the first rows, the separator and whether there is a header', () => {
		const csv =
			'Term,Definition,Tags\n"CTO, the role",Chief technology officer,roles\nCIO,Chief information officer,\n';
		expect(previewDelimited(csv)).toEqual({
			separator: ',',
			separatorName: 'comma',
			rows: [
				['Term', 'Definition', 'Tags'],
				['CTO, the role', 'Chief technology officer', 'roles'],
				['CIO', 'Chief information officer', '']
			],
			columns: 3,
			header: true
		});
		expect(previewDelimited('a\tb\nc\td').header).toBe(false);
		expect(previewDelimited('Begriff;Definition\nBank;"Geld, viel"\n').header).toBe(true);
		expect(
			previewDelimited(
				'Name,Role\nAda Lovelace,the first programmer of all\nGrace Hopper,the inventor of the compiler\n'
			).header
		).toBe(true);
		expect(previewDelimited('a\tb\nc\td', ';').separatorName).toBe('semicolon');
	});

	it('imports the chosen columns, skipping the header row', () => {
		const tsv = 'tags\tback\tfront\nx y\tB1\tF1\n\tB2\tF2\n';
		const result = importDelimited(tsv, {
			separator: '\t',
			header: true,
			front: 2,
			back: 1,
			tags: 0
		});
		expect(result.cards).toMatchObject([
			{ front: 'F1', back: 'B1', tags: ['x', 'y'], line: 2 },
			{ front: 'F2', back: 'B2', tags: [], line: 3 }
		]);
	});

	it('skips short rows and empty sides with their lines', () => {
		const result = importDelimited('a,b\nonly\n,b\n', {
			separator: ',',
			header: false,
			front: 0,
			back: 1
		});
		expect(result.cards).toHaveLength(1);
		expect(result.skipped).toEqual([
			{ line: 2, reason: 'the row has only one field; column 2 is missing.' },
			{ line: 3, reason: 'the front is empty; a card needs a front and a back.' }
		]);
	});

	it('refuses broken quoting with its line instead of mis-splitting', () => {
		const options = { separator: ',', header: false, front: 0, back: 1 };
		expect(() => importDelimited('a,b\n"c"d,e\nf,g\n', options)).toThrow(
			/^Line 2: .*closing quote/
		);
		expect(() => importDelimited('a,b\nc,"d\n', options)).toThrow(/^Line 2: .*never closed/);
	});

	it('refuses columns that no row has, or the same column twice', () => {
		expect(() =>
			importDelimited('a;b\n', { separator: ',', header: false, front: 0, back: 1 })
		).toThrow(/No row has 2 columns when split at comma/);
		expect(() =>
			importDelimited('a,b', { separator: ',', header: false, front: 1, back: 1 })
		).toThrow(/different columns/);
	});
});
