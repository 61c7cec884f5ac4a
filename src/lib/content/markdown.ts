import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import * as v from 'valibot';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ContentIssue } from './errors';
import { isOwnDeckId, OWN_PREFIX } from './ids';

/** A notes file as read from disk (or brought by the user). */
export interface NotesFile {
	/** File name inside `content/`, e.g. `roles.md`. */
	file: string;
	text: string;
}

/** The frontmatter of a notes file. */
export interface DeckMeta {
	deck: string;
	title: string;
	description: string;
	order: number;
	/** Facts (or items) that now live under another id: old id → new id. */
	moved?: Record<string, string>;
}

/** A notes file parsed: its frontmatter and its Markdown body as an mdast tree. */
export interface ParsedNotes {
	file: string;
	meta: DeckMeta;
	/** The body, without the frontmatter node. */
	tree: Root;
}

const FRONTMATTER_FIELDS = ['deck', 'title', 'description', 'order'] as const;
const OPTIONAL_FIELDS = ['moved'] as const;
/** The fields a learner's own notes must give: a description and an order mean nothing there. */
const OWN_FIELDS = ['deck', 'title'] as const;
const ID = /^[a-z0-9]+(?:[/-]+[a-z0-9]+)+$/;

const DeckMetaSchema = v.object({
	deck: v.pipe(
		v.string('must be text'),
		v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens'),
		v.check(
			(id) => !isOwnDeckId(id),
			`must not start with "${OWN_PREFIX}" (that is how the learner's own decks are named)`
		)
	),
	title: v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty')),
	description: v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty')),
	order: v.pipe(v.number('must be a number'), v.integer('must be a whole number')),
	moved: v.optional(
		v.record(
			v.pipe(v.string(), v.regex(ID, 'must map item or fact ids ("deck/topic/key")')),
			v.pipe(
				v.string('must map ids to ids (text)'),
				v.regex(ID, 'must map item or fact ids ("deck/topic/key")')
			),
			'must map old ids to new ids, one "old: new" line each'
		)
	)
});

/**
 * Parses Markdown the way the generator reads it: CommonMark, GFM tables and YAML frontmatter.
 * A file is parsed one topic at a time, where that gives the same tree: micromark rewrites the
 * events of the whole document each time a list or block quote closes, so parsing a file in one go
 * takes time that grows with the square of its length.
 */
export function parseMarkdown(text: string): Root {
	const chunks = topicChunks(text);
	if (chunks.length <= 1) return parseWhole(text);
	const children: RootContent[] = [];
	let end: Root['position'];
	for (const chunk of chunks) {
		const tree = parseWhole(chunk.text);
		shiftPositions(tree, chunk.line - 1, chunk.offset);
		children.push(...tree.children);
		end = tree.position;
	}
	return {
		type: 'root',
		children,
		position: end && { start: { line: 1, column: 1, offset: 0 }, end: end.end }
	};
}

function parseWhole(text: string): Root {
	return fromMarkdown(text, {
		extensions: [gfm(), frontmatter(['yaml'])],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
	});
}

/**
 * Splits Markdown before each `## ` heading that follows a blank line: a blank line ends every
 * paragraph, table and lazy line, and an unindented heading closes every list and block quote, so
 * nothing reaches across. Fenced code and HTML blocks can span blank lines, and link and footnote
 * definitions are read across the whole document, so a text with any of them stays whole.
 */
function topicChunks(text: string): { text: string; line: number; offset: number }[] {
	if (/```|~~~|\]:/.test(text) || !onlyShortComments(text)) return [{ text, line: 1, offset: 0 }];
	const chunks: { text: string; line: number; offset: number }[] = [];
	const heading = /\n[ \t]*\r?\n(?=##(?:[ \t]|\r?\n|$))/g;
	let start = { line: 1, offset: 0 };
	for (const match of text.matchAll(heading)) {
		const offset = match.index + match[0].length;
		chunks.push({ text: text.slice(start.offset, offset), ...start });
		start = { line: start.line + countLines(text, start.offset, offset), offset };
	}
	chunks.push({ text: text.slice(start.offset), ...start });
	return chunks;
}

/**
 * Whether every HTML block of the text is a comment that closes before any blank line (as ask
 * blocks do): then none can reach across a topic heading.
 */
function onlyShortComments(text: string): boolean {
	for (const match of text.matchAll(/^ {0,3}</gm)) {
		const start = match.index + match[0].length - 1;
		if (!text.startsWith('<!--', start)) return false;
		const end = text.indexOf('-->', start);
		if (end === -1 || /\n[ \t]*\r?\n/.test(text.slice(start, end))) return false;
	}
	return true;
}

function countLines(text: string, from: number, to: number): number {
	let lines = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1))
		lines += 1;
	return lines;
}

/** Moves the positions of a tree parsed from a part of a file to where that part sits in the file. */
function shiftPositions(node: Root | RootContent, lines: number, offset: number): void {
	const { position } = node;
	if (position) {
		for (const point of [position.start, position.end]) {
			point.line += lines;
			if (point.offset !== undefined) point.offset += offset;
		}
	}
	if ('children' in node) {
		for (const child of node.children) shiftPositions(child, lines, offset);
	}
}

/** The 1-based line a node starts on (1 when the parser gave no position). */
export function lineOf(node: { position?: { start: { line: number } } }): number {
	return node.position?.start.line ?? 1;
}

/**
 * Parses a notes file and checks its frontmatter.
 * @returns the parsed notes, or the problems found (each with its line)
 */
export function parseNotes(
	input: NotesFile,
	options: { own?: boolean } = {}
): { notes: ParsedNotes; issues: [] } | { notes?: undefined; issues: ContentIssue[] } {
	const required = options.own ? OWN_FIELDS : FRONTMATTER_FIELDS;
	const issue = (line: number, message: string): ContentIssue => ({
		file: input.file,
		line,
		message
	});
	const tree = parseMarkdown(input.text);
	const [first, ...body] = tree.children;
	if (first?.type !== 'yaml') {
		return {
			issues: [issue(1, `missing frontmatter: start the file with --- ${required.join(', ')} ---`)]
		};
	}
	let data: unknown;
	try {
		data = parseYaml(first.value);
	} catch (error) {
		const line =
			error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + 1 : lineOf(first);
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		return { issues: [issue(line, `frontmatter is not valid YAML: ${reason}`)] };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { issues: [issue(1, 'frontmatter must be a set of "field: value" lines')] };
	}
	const issues: ContentIssue[] = [];
	const lines = first.value.split('\n');
	const lineOfField = (field: string) => {
		const index = lines.findIndex((line) => line.startsWith(`${field}:`));
		return index === -1 ? 1 : index + 2;
	};
	for (const field of Object.keys(data)) {
		if (![...FRONTMATTER_FIELDS, ...OPTIONAL_FIELDS].includes(field as never)) {
			issues.push(
				issue(
					lineOfField(field),
					`unknown frontmatter field "${field}" (allowed: ${[...FRONTMATTER_FIELDS, ...OPTIONAL_FIELDS].join(', ')})`
				)
			);
		}
	}
	for (const field of required) {
		if (!(field in data)) issues.push(issue(1, `missing frontmatter field "${field}"`));
	}
	const result = v.safeParse(
		DeckMetaSchema,
		options.own ? { description: 'Your notes.', order: 0, ...data } : data
	);
	if (!result.success) {
		for (const problem of result.issues) {
			const field = problem.path?.[0]?.key;
			if (typeof field === 'string' && field in data) {
				issues.push(issue(lineOfField(field), `frontmatter field "${field}" ${problem.message}`));
			}
		}
	}
	if (issues.length > 0 || !result.success) return { issues };
	return {
		notes: { file: input.file, meta: result.output, tree: { type: 'root', children: body } },
		issues: []
	};
}

/** A key point's declared phrases, `(also: "…", "…")`, at the end of its text. */
const DECLARED_PHRASES = /\s*\(also:.*\)\s*$/s;

/**
 * Strips parser positions from a tree so it can be shipped to a page small, and the phrases key
 * points declare for pre-ticking (they are for the matcher, not for the reader).
 */
export function treeForPage<T extends Root | RootContent>(node: T): T {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === 'position') continue;
		copy[key] =
			key === 'children' && Array.isArray(value)
				? value.map((child: RootContent) => treeForPage(child))
				: key === 'value' && node.type === 'text' && typeof value === 'string'
					? value.replace(DECLARED_PHRASES, '')
					: value;
	}
	return copy as T;
}
