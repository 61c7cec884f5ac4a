import { CardCollector, count } from './collect';
import { normalizeLineEndings } from './decode';
import { ImportError } from './errors';
import { checkImportSize } from './size';
import {
	guessSeparator,
	isColumnName,
	namesColumns,
	separatorName,
	splitRows,
	type Row
} from './rows';
import type { ImportResult } from './types';

/** How many rows a preview shows. */
export const PREVIEW_ROWS = 10;

/** What a CSV or TSV file looks like, so the learner can choose how to read it. */
export interface DelimitedPreview {
	/** The separator detected (tab, comma, semicolon or pipe), or the one asked for. */
	separator: string;
	/** The separator as a person names it: "tab", "comma"… */
	separatorName: string;
	/** The first rows, split into fields. */
	rows: string[][];
	/** The most fields any previewed row has. */
	columns: number;
	/** Whether the first row looks like column names (Front, Back, Term…) rather than a card. */
	header: boolean;
}

/** How the learner chose to read a CSV or TSV file. Columns are 0-based. */
export interface DelimitedOptions {
	separator: string;
	/** Whether the first row names the columns (and so gives no card). */
	header: boolean;
	front: number;
	back: number;
	/** A column of tags separated by spaces, if any. */
	tags?: number;
	/** Whether fields hold HTML to turn into text; plain text by default. */
	html?: boolean;
}

/**
 * The first rows of a CSV or TSV file, the separator it most likely uses (tab, comma, semicolon
 * or pipe), and whether its first row looks like a header.
 * @param separator read with this separator instead of guessing
 * @throws ImportError naming the line of broken quoting within the previewed rows
 */
export function previewDelimited(text: string, separator?: string): DelimitedPreview {
	checkImportSize(text.length);
	const body = normalizeLineEndings(text.replace(/^\uFEFF/, ''));
	const chosen = separator ?? guessSeparator(body);
	const rows = splitRows(body, chosen, 1, PREVIEW_ROWS).map((row) => row.fields);
	return {
		separator: chosen,
		separatorName: separatorName(chosen),
		rows,
		columns: Math.max(0, ...rows.map((row) => row.length)),
		header: looksLikeHeader(rows)
	};
}

/** Column names are known words, or short labels above longer content. */
function looksLikeHeader(rows: readonly string[][]): boolean {
	const [first, ...rest] = rows;
	if (!first || first.every((cell) => cell.trim() === '')) return false;
	if (namesColumns(first)) return true;
	const named = first.filter((cell) => cell.trim() !== '');
	if (new Set(named).size !== named.length) return false;
	if (named.some((cell) => cell.length > 20 || /[.?!]$/.test(cell.trim()))) return false;
	// Short labels, one of them a known column name: "Begriff;Definition".
	if (named.some(isColumnName)) return true;
	if (rest.length < 2) return false;
	const average = (cells: string[]) =>
		cells.reduce((sum, cell) => sum + cell.length, 0) / Math.max(1, cells.length);
	const below = rest.flatMap((row) => row.slice(0, first.length));
	return average(below) >= 2 * average(first);
}

/**
 * Cards from a CSV or TSV file read as the learner chose: one basic card per row, from the front
 * and back columns (and tags from the tags column). Rows missing a column or with an empty side
 * are skipped with their line; duplicates are counted and dropped.
 * @throws ImportError for columns that cannot be chosen, broken quoting (naming its line), or
 *   too many cards
 */
export function importDelimited(text: string, options: DelimitedOptions): ImportResult {
	const { front, back, tags } = options;
	checkColumn(front, 'front');
	checkColumn(back, 'back');
	if (tags !== undefined) checkColumn(tags, 'tags');
	if (front === back) throw new ImportError('The front and the back must be different columns.');
	checkImportSize(text.length);
	const body = normalizeLineEndings(text.replace(/^\uFEFF/, ''));
	const rows: Row[] = splitRows(body, options.separator);
	const collector = new CardCollector();
	const cards = options.header ? rows.slice(1) : rows;
	const needed = Math.max(front, back) + 1;
	if (cards.length > 0 && cards.every((row) => row.fields.length < needed)) {
		throw new ImportError(
			`No row has ${count(needed)} columns when split at ${separatorName(options.separator)}: choose another separator or other columns.`
		);
	}
	for (const row of cards) {
		if (row.fields.length < needed) {
			collector.skip(
				row.line,
				`the row has ${row.fields.length === 1 ? 'only one field' : `only ${row.fields.length} fields`}; column ${needed} is missing.`
			);
			continue;
		}
		collector.add({
			front: row.fields[front] ?? '',
			back: row.fields[back] ?? '',
			tags: tags === undefined ? [] : [row.fields[tags] ?? ''],
			line: row.line,
			html: options.html ?? false
		});
	}
	return collector.result();
}

function checkColumn(column: number, side: string): void {
	if (!Number.isInteger(column) || column < 0) {
		throw new ImportError(`Choose a column for the ${side}.`);
	}
}
