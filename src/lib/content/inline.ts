import type { Nodes, PhrasingContent } from 'mdast';

/** A bold (key) phrase inside flattened text: `text.slice(start, end)`. */
export interface Mark {
	start: number;
	end: number;
}

/** Inline Markdown as plain text, with where its bold phrases sit. */
export interface FlatText {
	text: string;
	marks: Mark[];
}

/**
 * Flattens inline Markdown to plain text with single spaces, remembering the range of every
 * top-level bold phrase. Raw HTML is kept as the text it is, never as markup.
 */
export function flattenInline(nodes: readonly PhrasingContent[]): FlatText {
	let text = '';
	const marks: Mark[] = [];
	const append = (value: string) => {
		let chunk = value.replace(/\s+/g, ' ');
		if ((text === '' || text.endsWith(' ')) && chunk.startsWith(' ')) chunk = chunk.slice(1);
		text += chunk;
	};
	const visit = (node: PhrasingContent, inStrong: boolean) => {
		switch (node.type) {
			case 'text':
			case 'inlineCode':
			case 'html':
				append(node.value);
				break;
			case 'break':
				append(' ');
				break;
			case 'image':
				append(node.alt ?? '');
				break;
			case 'strong': {
				if (inStrong) {
					for (const child of node.children) visit(child, true);
					break;
				}
				const start = text.length;
				for (const child of node.children) visit(child, true);
				const raw = text.slice(start);
				const leading = raw.length - raw.trimStart().length;
				const end = start + raw.trimEnd().length;
				if (end > start + leading) marks.push({ start: start + leading, end });
				break;
			}
			default:
				if ('children' in node) {
					for (const child of node.children as PhrasingContent[]) visit(child, inStrong);
				}
		}
	};
	for (const node of nodes) visit(node, false);
	const trimmedStart = text.length - text.trimStart().length;
	return {
		text: text.trim(),
		marks: marks.map((mark) => ({ start: mark.start - trimmedStart, end: mark.end - trimmedStart }))
	};
}

/** Any Markdown node as plain text with single spaces. */
export function plainText(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string' && node.type !== 'yaml') {
		return node.value.replace(/\s+/g, ' ').trim();
	}
	if (node.type === 'image') return node.alt ?? '';
	if (!('children' in node)) return '';
	const block = ['paragraph', 'heading', 'listItem', 'tableCell', 'blockquote', 'list'];
	const parts = (node.children as Nodes[]).map((child) => plainText(child));
	const separator = node.children.some((child) => block.includes(child.type)) ? ' ' : '';
	return parts.join(separator).replace(/\s+/g, ' ').trim();
}

/**
 * Made on first use: creating a sentence segmenter loads ICU's break rules, which takes tens of
 * milliseconds on a phone, and a page that imports this module may never split a sentence.
 */
let segmenter: Intl.Segmenter | undefined;

/** The sentence of `text` that contains the range `[start, end)`, and the range within it. */
export function sentenceAround(
	text: string,
	start: number,
	end: number
): { sentence: string; start: number; end: number } {
	let from = 0;
	let to = text.length;
	segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
	for (const segment of segmenter.segment(text)) {
		const segmentEnd = segment.index + segment.segment.length;
		if (segment.index <= start && start < segmentEnd) from = segment.index;
		if (segment.index < end && end <= segmentEnd) {
			to = segmentEnd;
			break;
		}
	}
	const raw = text.slice(from, to);
	const leading = raw.length - raw.trimStart().length;
	return {
		sentence: raw.trim(),
		start: start - from - leading,
		end: end - from - leading
	};
}
