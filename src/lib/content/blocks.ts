import type { ListItem, Paragraph, Table } from 'mdast';
import { flattenInline, plainText } from './inline';
import { lineOf } from './markdown';

/** A `**Term** — explanation` entry (of a term list or a sequence). */
export interface TermEntry {
	term: string;
	explanation: string;
	line: number;
}

const SEPARATOR = /^\s*(?:—|–|-|:)\s*/;

function firstParagraph(item: ListItem): Paragraph | undefined {
	const first = item.children[0];
	return first?.type === 'paragraph' ? first : undefined;
}

/** `**Term** — explanation` (or `**Term:** explanation`) as a term entry; undefined for other items. */
export function termEntry(item: ListItem): TermEntry | undefined {
	const paragraph = firstParagraph(item);
	const [lead, ...rest] = paragraph?.children ?? [];
	if (lead?.type !== 'strong') return undefined;
	let term = plainText(lead);
	const after = flattenInline(rest).text;
	let explanation: string;
	if (term.endsWith(':')) {
		term = term.slice(0, -1).trim();
		explanation = after;
	} else if (SEPARATOR.test(after)) {
		explanation = after.replace(SEPARATOR, '');
	} else {
		return undefined;
	}
	const more = item.children.slice(1).map((child) => plainText(child));
	return {
		term,
		explanation: [explanation, ...more].filter(Boolean).join(' ').trim(),
		line: lineOf(item)
	};
}

/** The text after a leading `**Label:**`, or undefined when the paragraph does not start so. */
export function labelledText(paragraph: Paragraph, label: string): string | undefined {
	const [lead, ...rest] = paragraph.children;
	if (lead?.type !== 'strong') return undefined;
	const leadText = plainText(lead);
	if (leadText === `${label}:`) return flattenInline(rest).text;
	if (leadText === label) {
		const after = flattenInline(rest).text;
		return after.startsWith(':') ? after.slice(1).trim() : undefined;
	}
	return undefined;
}

/** One row of a table: its entity (first cell) and its values. */
export interface TableRow {
	entity: string;
	values: string[];
	line: number;
}

/** Reads a table's header and rows, with the problems of rows that cannot be used. */
export function readTableBlock(table: Table): {
	columns: string[];
	rows: TableRow[];
	problems: { line: number; message: string }[];
} {
	const problems: { line: number; message: string }[] = [];
	const [header, ...body] = table.children;
	const columns = header ? header.children.map((cell) => plainText(cell)) : [];
	if (columns.length < 2 || columns.some((column) => !column)) {
		problems.push({
			line: lineOf(table),
			message: 'a table needs a header with an entity column and at least one attribute'
		});
		return { columns, rows: [], problems };
	}
	const rows: TableRow[] = [];
	for (const row of body) {
		const cells = row.children.map((cell) => plainText(cell));
		const rowLine = lineOf(row);
		const entity = cells[0] ?? '';
		if (cells.length !== columns.length) {
			problems.push({
				line: rowLine,
				message: `table row "${entity}" has ${cells.length} cells, the header has ${columns.length}`
			});
			continue;
		}
		const empty = cells.findIndex((cell) => cell === '');
		if (empty !== -1) {
			problems.push({
				line: rowLine,
				message: `table row "${entity || '(no name)'}" has an empty "${columns[empty]}" cell`
			});
			continue;
		}
		rows.push({ entity, values: cells.slice(1), line: rowLine });
	}
	return { columns, rows, problems };
}
