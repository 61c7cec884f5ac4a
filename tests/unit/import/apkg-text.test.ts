import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unpackCollection } from '$lib/import/apkg-archive';
import { clozeCard, clozeNumbers } from '$lib/import/apkg-cloze';
import { fieldText } from '$lib/import/apkg-text';

describe('fieldText', () => {
	it('turns line breaks and blocks into lines, once each', () => {
		expect(fieldText('one<br>two<br/><br>three').text).toBe('one\ntwo\n\nthree');
		expect(fieldText('<div>a</div><div>b</div><p>c</p>').text).toBe('a\nb\nc');
		expect(fieldText('<ul><li>x</li><li>y</li></ul>').text).toBe('x\ny');
	});

	it('decodes entities and keeps markup-like text as text', () => {
		expect(fieldText('a &lt;b&gt; &amp; c&nbsp;d &#8364;').text).toBe('a <b> & c d €');
	});

	it('drops scripts, styles and the words of tags, never running or keeping them', () => {
		const field = fieldText('<script>alert(1)</script><style>p{}</style><b onclick="x()">bold</b>');
		expect(field).toEqual({ text: 'bold', media: false });
	});

	it('drops images, sounds and videos and says the field had media', () => {
		expect(fieldText('see <img src="a.png"> here')).toEqual({ text: 'see here', media: true });
		expect(fieldText('[sound:a.mp3]word[sound:b.ogg]')).toEqual({ text: 'word', media: true });
		expect(fieldText('<video src="v.mp4"></video>')).toEqual({ text: '', media: true });
	});

	it('collapses whitespace and trims', () => {
		expect(fieldText('  a \n\t b  <div>  </div>  ').text).toBe('a b');
	});
});

describe('cloze', () => {
	const text = '{{c1::Conway}} said {{c2::org::who?}} mirror {{c1::communication}}';

	it('lists each cloze number once, in order', () => {
		expect(clozeNumbers(text)).toEqual([1, 2]);
		expect(clozeNumbers('{{c3::a}} {{c1::b}} {{c0::not one}}')).toEqual([1, 3]);
		expect(clozeNumbers('no deletions {{c::x}}')).toEqual([]);
	});

	it("blanks the card's deletions as […] and shows the others", () => {
		expect(clozeCard(text, 1)).toEqual({
			front: '[…] said org mirror […]',
			back: 'Conway, communication'
		});
	});

	it('shows a hint in the blank, as Anki does', () => {
		expect(clozeCard(text, 2)).toEqual({
			front: 'Conway said [who?] mirror communication',
			back: 'org'
		});
	});
});

describe('unpackCollection', () => {
	it('never grows an entry past the size its header declares', () => {
		const zip = zipSync({ 'collection.anki2': new Uint8Array(1_000_000) });
		// Declare 100 bytes in the local header and in the central directory.
		const view = new DataView(zip.buffer);
		view.setUint32(22, 100, true);
		for (let i = zip.length - 22; i >= 0; i--) {
			if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
		}
		// fflate inflates into a buffer of the declared size: the rest is cut off, never allocated.
		expect(unpackCollection(zip).sqlite.length).toBe(100);
	});
});
