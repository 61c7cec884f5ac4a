import { Parser } from 'htmlparser2';

/** A field of an Anki note as plain text, and whether it referred to media that were left out. */
export interface FieldText {
	text: string;
	/** The field had an image, a sound or a video, dropped from the text. */
	media: boolean;
}

/** Elements that start a new line where they open or close. */
const BLOCKS = new Set([
	'address',
	'article',
	'blockquote',
	'dd',
	'div',
	'dl',
	'dt',
	'figcaption',
	'figure',
	'footer',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'li',
	'ol',
	'p',
	'pre',
	'section',
	'table',
	'tr',
	'ul'
]);
/** Elements whose content is never text a learner reads. */
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'svg', 'math']);
const MEDIA = new Set(['img', 'audio', 'video', 'source', 'object', 'embed', 'picture']);
/** Anki's own media reference in a field's text, `[sound:file.mp3]`. */
const SOUND = /\[sound:[^\]]*\]/g;

/**
 * Turns an Anki field's HTML into plain text: line breaks for `<br>` and block elements, entities
 * decoded, scripts and styles dropped, and images and sounds (`<img>`, `[sound:…]`) dropped and
 * reported. The result is text to show as text, never HTML to render.
 */
export function fieldText(html: string): FieldText {
	const parts: string[] = [];
	let hidden = 0;
	let media = false;
	// A block's edge starts a line unless one was just started: `</div><div>` is one break, not two.
	const blockEdge = () => {
		if (parts.length > 0 && !parts[parts.length - 1]?.endsWith('\n')) parts.push('\n');
	};
	const parser = new Parser(
		{
			onopentag(name) {
				if (HIDDEN.has(name)) hidden++;
				else if (MEDIA.has(name)) media = true;
				else if (name === 'br') parts.push('\n');
				else if (BLOCKS.has(name)) blockEdge();
				else if (name === 'td' || name === 'th') parts.push(' ');
			},
			onclosetag(name, implied) {
				if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
				else if (BLOCKS.has(name) && !implied) blockEdge();
			},
			ontext(text) {
				if (hidden === 0) parts.push(text.replace(/[ \t\r\n\f\u00a0]+/g, ' '));
			}
		},
		{ decodeEntities: true, lowerCaseTags: true }
	);
	parser.write(html);
	parser.end();
	let text = parts.join('');
	if (SOUND.test(text)) {
		media = true;
		text = text.replace(SOUND, '');
	}
	return { text: tidy(text), media };
}

/** Trims each line, keeps at most one empty line in a row, and trims the whole. */
function tidy(text: string): string {
	return text
		.split('\n')
		.map((line) => line.replace(/ {2,}/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
