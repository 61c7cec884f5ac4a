import { hasCloze } from './cloze';
import { CardCollector } from './collect';
import { normalizeLineEndings } from './decode';
import { checkImportSize } from './size';
import { ImportError } from './errors';
import { guessSeparator, namesColumns, separatorName, splitRows } from './rows';
import type { ImportResult } from './types';

/** The names Anki gives separators in `#separator:`; any single character may be written as it is. */
const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};

/** The header lines of an Anki plain-text file, as read. Column numbers are 0-based here. */
export interface AnkiHeaders {
	separator?: string;
	html?: boolean;
	columns?: string[];
	deck?: string;
	tags: string[];
	notetype?: string;
	notetypeColumn?: number;
	deckColumn?: number;
	tagsColumn?: number;
	guidColumn?: number;
	/** How many lines the headers take: the notes start on the line after. */
	lines: number;
}

const COLUMN_HEADERS = {
	'notetype column': 'notetypeColumn',
	'deck column': 'deckColumn',
	'tags column': 'tagsColumn',
	'guid column': 'guidColumn'
} as const;

/**
 * Reads the `#key:value` lines at the top of an Anki "Notes in Plain Text" file. A header Anki
 * does not write is ignored with a warning.
 * @throws ImportError naming the line of a header whose value Anki would not accept either
 */
export function readAnkiHeaders(
	lines: readonly string[],
	warn: (message: string) => void
): AnkiHeaders {
	const headers: AnkiHeaders = { tags: [], lines: 0 };
	let columns: string | undefined;
	for (const [index, text] of lines.entries()) {
		if (!text.startsWith('#')) break;
		headers.lines = index + 1;
		const line = index + 1;
		const [, name = '', raw = ''] = /^#([^:]*):(.*)$/.exec(text) ?? [];
		const key = name.trim().toLowerCase();
		const value = raw.trim();
		if (key === 'separator') headers.separator = readSeparator(raw, line);
		else if (key === 'html') headers.html = readBoolean(value, line);
		else if (key === 'columns') columns = raw;
		else if (key === 'deck') headers.deck = value;
		else if (key === 'tags') headers.tags = value.split(/\s+/).filter(Boolean);
		else if (key === 'notetype') headers.notetype = value;
		else if (key in COLUMN_HEADERS) {
			headers[COLUMN_HEADERS[key as keyof typeof COLUMN_HEADERS]] = readColumn(value, key, line);
		} else {
			const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
			warn(`Line ${line} ("${shown}") is not a header Anki writes; it was ignored.`);
		}
	}
	if (columns !== undefined)
		headers.columns = columns.split(headers.separator ?? '\t').map((name) => name.trim());
	return headers;
}

function readSeparator(raw: string, line: number): string {
	// A literal space or tab is its own separator; anything else is trimmed first.
	if (raw === ' ' || raw === '\t') return raw;
	const value = raw.trim();
	const named = SEPARATORS[value.toLowerCase()];
	if (named) return named;
	if ([...value].length === 1 && value !== '"') return value;
	throw new ImportError(
		`"#separator:${value}" is not a separator Anki reads: write Tab, Comma, Semicolon, Space, Pipe, Colon or a single character.`,
		line
	);
}

function readBoolean(value: string, line: number): boolean {
	if (/^true$/i.test(value)) return true;
	if (/^false$/i.test(value)) return false;
	throw new ImportError(`"#html:" must be true or false, not "${value}".`, line);
}

function readColumn(value: string, key: string, line: number): number {
	if (!/^\d{1,3}$/.test(value) || Number(value) < 1) {
		throw new ImportError(`"#${key}:" must be a column number from 1, not "${value}".`, line);
	}
	return Number(value) - 1;
}

/**
 * Cards from Anki's "Notes in Plain Text" export (`.txt`): its header lines (`#separator:`,
 * `#html:`, `#columns:`, `#deck:`, `#tags:`, `#notetype column:`, `#deck column:`,
 * `#tags column:`, `#guid column:`) say how to read the notes; without them the separator is
 * guessed (tab first) and fields are read as HTML, as older exports wrote them. The first two
 * note fields (or the columns named Front and Back, or Text for a cloze note) are the card's
 * sides; a note with cloze deletions gives one cloze card per cloze number. GUIDs are not kept:
 * cards are matched by their content key.
 * @param text the file's text (see `decodeImportFile`)
 * @throws ImportError for a header Anki would refuse, broken quoting, or too many cards
 */
export function importAnkiText(text: string): ImportResult {
	checkImportSize(text.length);
	const collector = new CardCollector();
	const lines = normalizeLineEndings(text.replace(/^\uFEFF/, '')).split('\n');
	const headers = readAnkiHeaders(lines, (message) => collector.warn(message));
	const body = lines.slice(headers.lines).join('\n');
	const separator = headers.separator ?? guessSeparator(body);
	const html = headers.html ?? true;
	const special = new Set(
		[headers.notetypeColumn, headers.deckColumn, headers.tagsColumn, headers.guidColumn].filter(
			(column) => column !== undefined
		)
	);
	const rows = splitRows(body, separator, headers.lines + 1);
	// Not Math.max(...rows): a browser limits how many arguments a call may have.
	const width = rows.reduce(
		(most, row) => Math.max(most, row.fields.length),
		headers.columns?.length ?? 0
	);
	const fieldColumns = Array.from({ length: width }, (_, index) => index).filter(
		(index) => !special.has(index)
	);
	const [front, back] = sides(headers.columns, fieldColumns);
	const decks = new Set<string>();
	for (const [index, row] of rows.entries()) {
		// A file without headers may start with column names, as a spreadsheet writes them.
		if (index === 0 && headers.lines === 0 && namesColumns(row.fields)) {
			collector.skip(row.line, 'the row names the columns; it is not a card.');
			continue;
		}
		const fields = fieldColumns.map((column) => row.fields[column] ?? '');
		const frontText = row.fields[front] ?? '';
		if (fields.filter((field) => field.trim() !== '').length < 2 && !hasCloze(frontText)) {
			collector.skip(
				row.line,
				`the note has only one field (split at ${separatorName(separator)}); a card needs a front and a back.`
			);
			continue;
		}
		if (headers.deckColumn !== undefined) decks.add((row.fields[headers.deckColumn] ?? '').trim());
		const tags = [...headers.tags];
		if (headers.tagsColumn !== undefined) tags.push(row.fields[headers.tagsColumn] ?? '');
		const backText = html ? answerOnly(row.fields[back] ?? '') : (row.fields[back] ?? '');
		collector.add({ front: frontText, back: backText, tags, line: row.line, html });
	}
	decks.delete('');
	if (decks.size > 1) {
		collector.warn(
			`The file holds notes of ${decks.size} decks (${[...decks].slice(0, 3).join(', ')}${decks.size > 3 ? '…' : ''}); they are imported into one deck.`
		);
	}
	return collector.result(headers.deck ?? [...decks][0]);
}

/**
 * The answer side of a card Anki rendered ("Cards in Plain Text"), which repeats the question
 * above `<hr id=answer>`: only what follows the rule.
 */
function answerOnly(back: string): string {
	const rule = /<hr[^>]*\bid\s*=\s*["']?answer\b[^>]*>/i.exec(back);
	return rule ? back.slice(rule.index + rule[0].length) : back;
}

/** The columns of the front and the back: named Front and Back (or Text), else the first two fields. */
function sides(
	names: readonly string[] | undefined,
	fieldColumns: readonly number[]
): [number, number] {
	const named = (pattern: RegExp) => {
		const index = names?.findIndex((name) => pattern.test(name)) ?? -1;
		return index >= 0 ? index : undefined;
	};
	const front = named(/^(front|text|question|term)$/i) ?? fieldColumns[0] ?? 0;
	const back =
		named(/^(back|back extra|answer|definition)$/i) ??
		fieldColumns.find((column) => column !== front) ??
		front + 1;
	return [front, back];
}
