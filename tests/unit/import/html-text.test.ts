import { describe, expect, it } from 'vitest';
import { htmlToText, plainFieldText } from '$lib/import/html-text';

describe('Anki fields as plain text', () => {
	it('turns line-breaking elements into line breaks and collapses blank space', () => {
		expect(htmlToText('one<br>two<div>three</div><p>four  \n five</p>').text).toBe(
			'one\ntwo\nthree\nfour five'
		);
		expect(htmlToText('<ul><li>a</li><li>b</li></ul>').text).toBe('a\nb');
	});

	it('decodes entities once', () => {
		expect(htmlToText('Tom &amp; Jerry&nbsp;&lt;3 &amp;nbsp;').text).toBe('Tom & Jerry <3 &nbsp;');
	});

	it('drops scripts, styles and attributes', () => {
		const field = '<script>alert(1)</script><style>b{}</style><b onclick="x()">bold</b>';
		expect(htmlToText(field)).toEqual({ text: 'bold', media: 0, scripts: 2 });
		expect(htmlToText('<a href="javascript:alert(1)">link</a>').text).toBe('link');
	});

	it('leaves pictures and sounds out, and counts them', () => {
		const result = htmlToText('Dog <img src="dog.jpg" onerror="alert(1)">[sound:bark.mp3]');
		expect(result).toEqual({ text: 'Dog', media: 2, scripts: 0 });
		expect(plainFieldText('<b>literal</b> [sound:x.mp3]')).toEqual({
			text: '<b>literal</b>',
			media: 1,
			scripts: 0
		});
	});
});
