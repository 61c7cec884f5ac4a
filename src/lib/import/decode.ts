import { ImportError } from './errors';
import { checkImportSize } from './size';

/** A file format recognised by its first bytes, and what to say when it is picked as text. */
interface Signature {
	bytes: readonly number[];
	/** At which byte the signature starts (RIFF containers say what they hold at byte 8). */
	at?: number;
	message: string;
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const NOT_TEXT = 'Export your cards as text (.txt, .csv or .tsv) and pick that file instead.';

const SIGNATURES: readonly Signature[] = [
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		message:
			'This is a zip file, not text. If it is an Anki package, it is read as one when its name ends in .apkg; otherwise unzip it and pick the text file inside.'
	},
	{ bytes: [0x50, 0x4b, 0x05, 0x06], message: 'This is an empty zip file, not text.' },
	{
		bytes: ascii('SQLite format 3\0'),
		message: `This is a database file (SQLite), such as Anki's collection, not text. ${NOT_TEXT}`
	},
	{ bytes: ascii('%PDF-'), message: `This is a PDF document, not text. ${NOT_TEXT}` },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], message: `This is an image (PNG), not text. ${NOT_TEXT}` },
	{ bytes: [0xff, 0xd8, 0xff], message: `This is an image (JPEG), not text. ${NOT_TEXT}` },
	{ bytes: ascii('GIF87a'), message: `This is an image (GIF), not text. ${NOT_TEXT}` },
	{ bytes: ascii('GIF89a'), message: `This is an image (GIF), not text. ${NOT_TEXT}` },
	{ bytes: ascii('WEBP'), at: 8, message: `This is an image (WebP), not text. ${NOT_TEXT}` },
	{ bytes: [0x1f, 0x8b], message: `This is a compressed file (gzip), not text. ${NOT_TEXT}` },
	{
		bytes: [0x28, 0xb5, 0x2f, 0xfd],
		message: `This is a compressed file (zstd), not text. ${NOT_TEXT}`
	}
];
// Sound files, and other binary formats not listed, hold NUL bytes and are refused for those; a
// signature of printable letters alone (an MP3's "ID3") could be the start of a real card.

/** Windows (CRLF) and old Mac (CR) line endings as `\n`, so every line count agrees. */
export function normalizeLineEndings(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/**
 * The text of a picked file: UTF-8 with or without a byte order mark, or UTF-16 (little or big
 * endian) with one, with line endings normalised and the mark removed.
 * @throws ImportError when the file is empty, too large, binary (a zip, a database, a PDF, an
 *   image, or anything holding NUL bytes) or not valid in its encoding
 */
export function decodeImportFile(bytes: Uint8Array): string {
	checkImportSize(bytes.length);
	if (bytes.length === 0) throw new ImportError('The file is empty.');
	for (const signature of SIGNATURES) {
		const at = signature.at ?? 0;
		const riff = at === 0 || ascii('RIFF').every((byte, index) => bytes[index] === byte);
		if (riff && signature.bytes.every((byte, index) => bytes[at + index] === byte)) {
			throw new ImportError(signature.message);
		}
	}
	const text = decodeBytes(bytes);
	if (text.trim() === '') throw new ImportError('The file holds only blank space: no cards.');
	return normalizeLineEndings(text);
}

function decodeBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	const nul = body.indexOf(0);
	if (nul !== -1) {
		throw new ImportError(
			`This is not a text file: it holds a NUL byte (at byte ${nul + (bom ? 3 : 0)}), as binary files and UTF-16 text without a byte order mark do. ${NOT_TEXT}`
		);
	}
	return decode(body, 'utf-8');
}

const ENCODING_NAMES = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

function decode(bytes: Uint8Array, encoding: keyof typeof ENCODING_NAMES): string {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		// Where it breaks, for the message: the first character the lenient decoder had to replace.
		const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
		const at = lenient.indexOf('\uFFFD');
		const line = at === -1 ? undefined : lenient.slice(0, at).split(/\r\n?|\n/).length;
		const name = ENCODING_NAMES[encoding];
		const hint =
			encoding === 'utf-8'
				? 'It may be in another encoding (such as Latin-1 or Windows-1252) or cut short. Save it as UTF-8 and try again.'
				: 'It may be cut short. Save it again as UTF-8 and try again.';
		throw new ImportError(`This file is not valid ${name} text. ${hint}`, line);
	}
}
