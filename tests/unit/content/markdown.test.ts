import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '$lib/content/markdown';
import { QUESTION, SEQUENCE, TABLE, TERMS } from './notes';

// parseMarkdown parses a file one topic at a time (a whole-file parse grows with the square of its
// length); the tree, positions included, must be exactly the one a whole-file parse gives.
function wholeFile(text: string) {
	return fromMarkdown(text, {
		extensions: [gfm(), frontmatter(['yaml'])],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
	});
}

const contentDir = join(import.meta.dirname, '../../../content');
const realNotes = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((name) => ({ name, text: readFileSync(join(contentDir, name), 'utf8') }));

const edgeCases: { name: string; text: string }[] = [
	{ name: 'every structure', text: `# Deck\n\n${TERMS}\n${TABLE}\n${SEQUENCE}\n${QUESTION}` },
	{ name: 'CRLF line ends', text: `# Deck\n\n${TERMS}\n${TABLE}`.replaceAll('\n', '\r\n') },
	{ name: 'a list running up to a heading', text: '## A\n\n- one\n\n- two\n\n## B\n\ntext\n' },
	{ name: 'an empty heading', text: '## A\n\ntext\n\n##\n\n## C\n\nmore\n' },
	{ name: 'indented code', text: '## A\n\n    code\n\n## B\n\n    more code\n' },
	{ name: 'a fence across topics', text: '## A\n\n```\n\n## not a heading\n```\n\n## B\n' },
	{ name: 'a link definition used earlier', text: '## A\n\nsee [x]\n\n## B\n\n[x]: /notes/\n' },
	{
		name: 'a comment across topics',
		text: '## A\n\n<!-- a note\n\n## not a heading\n-->\n\n## B\n\ntext\n'
	},
	{ name: 'other HTML', text: '## A\n\n<div>\n\n## B\n\n</div>\n' },
	{ name: 'an ask block in each topic', text: `${TERMS}\n${TABLE}\n${SEQUENCE}` }
];

describe('parsing notes topic by topic gives the whole-file tree', () => {
	it.each([...realNotes, ...edgeCases])('$name', ({ text }) => {
		expect(parseMarkdown(text)).toStrictEqual(wholeFile(text));
	});
});
