import { Parser } from 'htmlparser2';

/** Elements that end a line of text where they open and close. */
const BLOCKS = new Set([
	'address',
	'article',
	'aside',
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

/** Elements whose content is never text a learner wrote. */
const DROPPED = new Set([
	'script',
	'style',
	'template',
	'noscript',
	'head',
	'title',
	'svg',
	'math'
]);

/** Elements that stand for a picture, a sound or other media, which the app does not keep. */
const MEDIA = new Set(['img', 'audio', 'video', 'object', 'embed', 'iframe', 'picture', 'source']);

/** Anki's reference to a sound or video file inside a field. */
const SOUND = /\[sound:[^\]]*\]/g;

/** The text of a field, and how many pictures and sounds were left out of it. */
export interface FieldText {
	text: string;
	media: number;
	/** How many scripts and styles were left out. */
	scripts: number;
}

/**
 * A field that may hold HTML (as Anki's fields do) as plain text: entities decoded, `<br>` and
 * block elements (`<div>`, `<p>`, `<li>`…) as line breaks, table cells apart, the content of
 * `<script>` and `<style>` dropped, every attribute dropped, pictures and Anki's `[sound:…]`
 * references left out (and counted), runs of blank space collapsed and the result trimmed.
 */
export function htmlToText(html: string): FieldText {
	let text = '';
	let media = 0;
	let scripts = 0;
	let dropping = 0;
	// A block ends the line it is on, unless it already is at the start of one: `</li><li>` is one break.
	const endLine = () => {
		if (!/(^|\n)[^\S\n]*$/.test(text)) text += '\n';
	};
	const parser = new Parser(
		{
			onopentag(name) {
				if (DROPPED.has(name)) {
					dropping++;
					if (name === 'script' || name === 'style') scripts++;
				} else if (MEDIA.has(name)) media++;
				else if (name === 'br') text += '\n';
				else if (BLOCKS.has(name)) endLine();
				else if (name === 'td' || name === 'th') text += ' ';
			},
			onclosetag(name) {
				if (DROPPED.has(name)) dropping = Math.max(0, dropping - 1);
				else if (BLOCKS.has(name)) endLine();
			},
			ontext(data) {
				// In HTML a line break in the source is only blank space.
				if (dropping === 0) text += data.replace(/[\r\n]+/g, ' ');
			}
		},
		{ decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
	);
	parser.write(html);
	parser.end();
	const sounds = dropSoundTags(text);
	return { text: tidyText(sounds.text), media: media + sounds.media, scripts };
}

/**
 * Plain text with Anki's `[sound:…]` references left out (and counted), blank space tidied as
 * `htmlToText` does, but every character kept: a `<b>` in it is text, not markup.
 */
export function plainFieldText(text: string): FieldText {
	const sounds = dropSoundTags(text);
	return { text: tidyText(sounds.text), media: sounds.media, scripts: 0 };
}

function dropSoundTags(text: string): { text: string; media: number } {
	if (!text.includes('[sound:')) return { text, media: 0 };
	let media = 0;
	const rest = text.replace(SOUND, () => {
		media++;
		return '';
	});
	return { text: rest, media };
}

/**
 * Control characters (a bell, a terminal colour) left out, runs of spaces as one, lines trimmed,
 * at most one blank line in a row, the whole trimmed.
 */
function tidyText(text: string): string {
	// Most fields need nothing but trimming: 50,000 rows should not pay for the rest.
	// eslint-disable-next-line no-control-regex -- control characters are what is looked for
	if (!/[\u0000-\u001f\u007f\u00a0]| {2}/.test(text)) return text.trim();
	return (
		text
			// eslint-disable-next-line no-control-regex -- control characters are what is removed
			.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
			.split('\n')
			.map((line) => line.replace(/[ \t\u00a0\f\v]+/g, ' ').trim())
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}
