import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MarkdownNode from '$lib/components/MarkdownNode.svelte';
import { parseMarkdown } from '$lib/content/markdown';

/** Renders Markdown the way the notes pages do, to HTML (without Svelte's hydration comments). */
function html(markdown: string): string {
	return render(MarkdownNode, { props: { node: parseMarkdown(markdown) } }).body.replace(
		/<!--.*?-->/g,
		''
	);
}

/** The element tags in rendered HTML (escaped text such as `&lt;img&gt;` is not a tag). */
function tags(out: string): string[] {
	return out.match(/<[a-z][^>]*>/gi) ?? [];
}

describe('rendering notes', () => {
	it('shows headings with anchors, lists, tables and key phrases', () => {
		const out = html(
			'## Strategic roles\n\nThe **CTO** leads.\n\n| A | B |\n| - | - |\n| x | y |\n'
		);
		expect(out).toContain('<h2 id="strategic-roles">');
		expect(out).toContain('<strong>CTO</strong>');
		expect(out).toMatch(/<th scope="row"[^>]*>x<\/th>/);
	});

	const payloads = [
		'<script>window.pwned = 1</script>',
		'<img src=x onerror="window.pwned = 1">',
		'Text <svg onload="window.pwned = 1"></svg> inline',
		'<iframe src="https://evil.example"></iframe>',
		'[click me](javascript:window.pwned=1)',
		'[protocol relative](//evil.example/x)',
		'<a href="javascript:window.pwned=1">raw link</a>',
		'![tracker](https://evil.example/pixel.png)',
		'<style>body { display: none }</style>',
		'**<b onmouseover="window.pwned=1">bold</b>**'
	];

	it.each(payloads)('renders %s as text, never as markup', (payload) => {
		const out = html(`## Topic\n\n${payload}\n`);
		const rendered = tags(out);
		for (const tag of rendered) {
			expect(tag).toMatch(/^<(h2|p|strong|em|a|div|span)\b/);
			expect(tag).not.toMatch(/\son\w+=|\ssrc=|\sstyle=|href="(javascript:|\/\/)/i);
		}
		// What was markup is still there to read, as text.
		if (payload.includes('<')) expect(out).toContain('&lt;');
	});

	it('keeps safe links, opening other sites in a new tab without the opener', () => {
		const out = html('[site](https://example.com) and [note](/notes/roles/#x)');
		expect(out).toContain(
			'href="https://example.com" rel="noopener noreferrer external" target="_blank"'
		);
		expect(out).toContain('href="/notes/roles/#x"');
	});
});
