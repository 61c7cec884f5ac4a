import Papa from 'papaparse';
import { ImportError } from './errors';
import { MAX_IMPORT_ROWS } from './types';

/** One row of a delimited file: its fields and the 1-based line it starts on. */
export interface Row {
	fields: string[];
	line: number;
}

/** Separators tried when a file does not say which it uses, in the order they are preferred. */
export const GUESSED_SEPARATORS = ['\t', ',', ';', '|'] as const;

/** How many rows the separator is guessed from. */
const SAMPLE_ROWS = 50;

/**
 * The rows of delimited text (line endings already `\n`), quoted fields and all, with the line
 * each starts on. Rows with no text in any field are left out.
 * @param firstLine the line of the file that `text` starts on
 * @param limit read at most this many rows (for a preview)
 * @throws ImportError naming the line of a quoted field that is never closed or is malformed,
 *   since the rest of the file would otherwise be split in the wrong places
 */
export function splitRows(text: string, separator: string, firstLine = 1, limit?: number): Row[] {
	const rows: Row[] = [];
	let start = 0;
	let line = firstLine;
	let failure: ImportError | undefined;
	let read = 0;
	Papa.parse<string[]>(text, {
		delimiter: separator,
		quoteChar: '"',
		escapeChar: '"',
		preview: limit,
		step(results, parser) {
			const end = results.meta.cursor;
			const error = results.errors[0];
			if (error) {
				failure = quoteError(error, line, limit !== undefined && rows.length + 1 >= limit);
				parser.abort();
				return;
			}
			// Blank rows count too: twenty million of them would keep the page as busy as cards.
			if (++read > MAX_IMPORT_ROWS) {
				failure = tooManyRows();
				parser.abort();
				return;
			}
			const fields = results.data;
			if (fields.some((field) => field.trim() !== '')) rows.push({ fields, line });
			line += countLines(text, start, end);
			start = end;
		}
	});
	if (failure) throw failure;
	return rows;
}

/** The refusal of a file with more than MAX_IMPORT_ROWS rows. */
export function tooManyRows(): ImportError {
	const most = MAX_IMPORT_ROWS.toLocaleString('en');
	return new ImportError(
		`This file has more than ${most} rows; the most one file may have is ${most}. Split it into smaller files and import each.`
	);
}

function quoteError(error: Papa.ParseError, line: number, atPreviewEnd: boolean): ImportError {
	if (error.code === 'MissingQuotes') {
		const where = atPreviewEnd ? ' (or runs past the rows shown)' : '';
		return new ImportError(
			`a field opens with a quote (") that is never closed${where}, so the rest of the file cannot be split into cards. Close the quote, or write a quote inside a quoted field as two ("").`,
			line
		);
	}
	if (error.code === 'InvalidQuotes') {
		return new ImportError(
			'a quoted field has more text after its closing quote ("). Write a quote inside a quoted field as two (""), or leave the field unquoted.',
			line
		);
	}
	return new ImportError(`the row cannot be read (${error.message}).`, line);
}

function countLines(text: string, from: number, to: number): number {
	let lines = 0;
	for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) {
		lines++;
	}
	return lines;
}

/**
 * The separator a headerless file most likely uses: of tab, comma, semicolon and pipe, the first
 * that splits every sampled row into the same number (two or more) of fields; failing that, the
 * one that gives two or more fields in the most rows; tab when none does.
 */
export function guessSeparator(text: string): string {
	let best: { separator: string; rows: number } = { separator: '\t', rows: 0 };
	for (const separator of GUESSED_SEPARATORS) {
		let rows: Row[];
		try {
			rows = splitRows(text, separator, 1, SAMPLE_ROWS);
		} catch {
			continue;
		}
		const counts = rows.map((row) => row.fields.length);
		const first = counts[0] ?? 0;
		if (first >= 2 && counts.every((fields) => fields === first)) {
			return separator;
		}
		const split = counts.filter((fields) => fields >= 2).length;
		if (split > best.rows) best = { separator, rows: split };
	}
	return best.separator;
}

/** A separator as a person names it: "tab", "comma", or the character in quotes. */
export function separatorName(separator: string): string {
	const names: Record<string, string> = {
		'\t': 'tab',
		',': 'comma',
		';': 'semicolon',
		'|': 'pipe',
		' ': 'space',
		':': 'colon'
	};
	return names[separator] ?? `"${separator}"`;
}

/** Words that name a column of cards rather than being one. */
const COLUMN_NAMES =
	/^(front|back|question|answer|term|definition|word|meaning|prompt|response|tags?|notes?|deck|english|translation|text|extra|side [12])$/i;

/** Whether a field is a usual name of a column of cards: Front, Back, Term, Definition… */
export function isColumnName(field: string): boolean {
	return COLUMN_NAMES.test(field.trim());
}

/** Whether a row names columns (Front, Back, Term, Definition…) rather than holding a card. */
export function namesColumns(fields: readonly string[]): boolean {
	const named = fields.filter((field) => field.trim() !== '');
	return named.length >= 2 && named.every(isColumnName);
}
