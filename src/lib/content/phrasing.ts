// How a group of facts is asked: the notes declare it in an "ask" block, an HTML comment right
// before the list or table it belongs to, and the generator fills it in. See content/README.md.

/** One `key: template` line of an ask block. */
export interface AskLine {
	value: string;
	line: number;
}

/** An ask block as written: its keys in order, and where it starts. */
export interface AskBlock {
	line: number;
	lines: Map<string, AskLine>;
}

const OPENING = /^<!--\s*ask\b/;

/** Whether raw HTML from the notes is an ask block. */
export function isAskBlock(html: string): boolean {
	return OPENING.test(html.trim());
}

/**
 * Reads an ask block: `<!-- ask`, then one `key: template` per line, then `-->`.
 * @param line the line the comment starts on
 * @returns the block, and the problems found in it (a line that is not `key: template`, a key twice)
 */
export function readAskBlock(
	html: string,
	line: number
): { block: AskBlock; problems: { line: number; message: string }[] } {
	const problems: { line: number; message: string }[] = [];
	const lines = new Map<string, AskLine>();
	const body = html
		.trim()
		.replace(OPENING, '')
		.replace(/-->\s*$/, '');
	body.split('\n').forEach((text, index) => {
		const at = line + index;
		if (text.trim() === '') return;
		const colon = text.indexOf(':');
		const key = colon === -1 ? '' : text.slice(0, colon).trim();
		const value = colon === -1 ? '' : text.slice(colon + 1).trim();
		if (!key || !value) {
			problems.push({
				line: at,
				message: `an ask block line must be "key: template", not "${text.trim()}"`
			});
			return;
		}
		if (lines.has(key)) {
			problems.push({ line: at, message: `the ask block says "${key}" twice` });
			return;
		}
		lines.set(key, { value, line: at });
	});
	return { block: { line, lines }, problems };
}

/** The placeholders of a template: `{term}` gives `term`. */
export function placeholders(template: string): string[] {
	return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

/**
 * Takes the templates a structure needs from its ask block.
 * @param needs each key that must be there, with the placeholders its template must use
 * @param allowed the placeholders any template of this block may use
 * @param optional keys that may be there, with the placeholders they must use
 * @returns the templates by key, and the problems (a key missing, unknown, or a wrong placeholder)
 */
export function takeTemplates(
	block: AskBlock,
	needs: Record<string, readonly string[]>,
	optional: Record<string, readonly string[]>,
	what: string
): { templates: Map<string, string>; problems: { line: number; message: string }[] } {
	const problems: { line: number; message: string }[] = [];
	const templates = new Map<string, string>();
	const known = { ...needs, ...optional };
	for (const [key, entry] of block.lines) {
		const required = known[key];
		if (!required) {
			problems.push({
				line: entry.line,
				message: `unknown key "${key}" in the ask block of ${what} (it takes ${Object.keys(known).join(', ')})`
			});
			continue;
		}
		const used = placeholders(entry.value);
		const missing = required.filter((name) => !used.includes(name));
		const strange = used.filter((name) => !required.includes(name));
		if (missing.length > 0 || strange.length > 0) {
			problems.push({
				line: entry.line,
				message: `"${key}" must use ${required.map((name) => `{${name}}`).join(' and ') || 'no placeholder'}${strange.length > 0 ? `, not ${strange.map((name) => `{${name}}`).join(', ')}` : ''}`
			});
			continue;
		}
		templates.set(key, entry.value);
	}
	for (const key of Object.keys(needs)) {
		if (!block.lines.has(key)) {
			problems.push({
				line: block.line,
				message: `the ask block of ${what} has no "${key}": say how to ask it`
			});
		}
	}
	return { templates, problems };
}

/**
 * Fills a template's placeholders. A value that opens the text gets a capital letter; a trailing
 * full stop of a value is dropped (the template ends the sentence).
 */
export function fill(template: string, values: Record<string, string>): string {
	const filled = template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
		const value = values[name];
		return value === undefined ? whole : value.replace(/[.\s]+$/, '');
	});
	return capitalize(filled);
}

/** The text with its first letter in upper case. */
export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An explanation as a sentence of its own: a capital first letter and a full stop. */
export function asSentence(text: string): string {
	const trimmed = capitalize(text.trim());
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** How a list of terms is asked. */
export interface TermPhrasing {
	/** The flashcard's question about a term: uses {term}. */
	card: string;
	/** Which term an explanation describes: uses {explanation}. Also the reverse card's front. */
	which: string;
	/** A true-or-false statement: uses {term} and {explanation}. */
	statement: string;
	/** The matching question's prompt. */
	match?: string;
	/** The group's name, for another group to draw distractors from (`also`). */
	name?: string;
	/** Another group of the same kind whose terms may be distractors too. */
	also?: string;
}

/** How a sequence is asked. */
export interface SequencePhrasing {
	/** The ordering question's prompt. */
	order: string;
	/** The flashcard's question about a position: uses {n}. */
	position: string;
	/** Which step comes right after another: uses {step}. */
	next?: string;
	/** Set when the steps are terms: how the terms are asked. */
	terms?: TermPhrasing;
}

/** How one attribute column of a table is asked. */
export interface ColumnPhrasing {
	/** The question about a row's value: uses {entity}. */
	ask: string;
	/** Which row has a value: uses {value}. Without it, no question asks for the row. */
	which?: string;
	/** A true-or-false statement: uses {entity} and {value}. */
	statement: string;
	/** The matching question's prompt. */
	match: string;
}

type Problems = { line: number; message: string }[];

const TERM_NEEDS = { card: ['term'], which: ['explanation'], statement: ['term', 'explanation'] };
const TERM_MAY = { match: [], name: [], also: [] };

/** The phrasing of a term list from its ask block. */
export function termPhrasing(
	block: AskBlock,
	needsMatch: boolean
): { phrasing?: TermPhrasing; problems: Problems } {
	const needs = needsMatch ? { ...TERM_NEEDS, match: [] } : TERM_NEEDS;
	const { templates, problems } = takeTemplates(block, needs, TERM_MAY, 'this term list');
	if (problems.length > 0) return { problems };
	return { phrasing: termsFrom(templates), problems };
}

function termsFrom(templates: Map<string, string>): TermPhrasing {
	return {
		card: templates.get('card') ?? '',
		which: templates.get('which') ?? '',
		statement: templates.get('statement') ?? '',
		match: templates.get('match'),
		name: templates.get('name'),
		also: templates.get('also')
	};
}

/** The phrasing of a sequence from its ask block; steps written as terms need the term keys too. */
export function sequencePhrasing(
	block: AskBlock,
	options: { needsNext: boolean; terms: boolean }
): { phrasing?: SequencePhrasing; problems: Problems } {
	const needs: Record<string, readonly string[]> = { order: [], position: ['n'] };
	if (options.needsNext) needs.next = ['step'];
	if (options.terms) Object.assign(needs, TERM_NEEDS, { match: [] });
	const { templates, problems } = takeTemplates(block, needs, { next: ['step'] }, 'this sequence');
	if (problems.length > 0) return { problems };
	return {
		phrasing: {
			order: templates.get('order') ?? '',
			position: templates.get('position') ?? '',
			next: templates.get('next'),
			terms: options.terms ? termsFrom(templates) : undefined
		},
		problems
	};
}

/**
 * The phrasing of a table's columns from its ask block: for each attribute column `A`, the keys
 * `A` (or `A: skip`, to ask nothing about it), `A statement`, `A match` and, optionally, `A which`.
 */
export function tablePhrasing(
	block: AskBlock,
	attributes: readonly string[]
): { phrasing?: Map<string, ColumnPhrasing | null>; problems: Problems } {
	const needs: Record<string, readonly string[]> = {};
	const optional: Record<string, readonly string[]> = {};
	for (const attribute of attributes) {
		if (block.lines.get(attribute)?.value === 'skip') {
			optional[attribute] = [];
			continue;
		}
		needs[attribute] = ['entity'];
		needs[`${attribute} statement`] = ['entity', 'value'];
		needs[`${attribute} match`] = [];
		optional[`${attribute} which`] = ['value'];
	}
	const { templates, problems } = takeTemplates(block, needs, optional, 'this table');
	if (problems.length > 0) return { problems };
	const phrasing = new Map<string, ColumnPhrasing | null>();
	for (const attribute of attributes) {
		const ask = templates.get(attribute) ?? '';
		phrasing.set(
			attribute,
			ask === 'skip'
				? null
				: {
						ask,
						which: templates.get(`${attribute} which`),
						statement: templates.get(`${attribute} statement`) ?? '',
						match: templates.get(`${attribute} match`) ?? ''
					}
		);
	}
	return { phrasing, problems };
}
