import { describe, expect, it } from 'vitest';
import { decodeImportFile } from '$lib/import/decode';
import { checkImportSize } from '$lib/import/size';
import { ImportError } from '$lib/import/errors';
import { MAX_IMPORT_BYTES } from '$lib/import/types';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
	const bytes = new Uint8Array(2 + text.length * 2);
	bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const [high, low] = [code >> 8, code & 0xff];
		bytes.set(endian === 'le' ? [low, high] : [high, low], 2 + i * 2);
	}
	return bytes;
}

function refusal(bytes: Uint8Array): string {
	try {
		decodeImportFile(bytes);
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('the file was not refused');
}

describe('decoding a picked file', () => {
	it('reads UTF-8 with and without a byte order mark, with line endings as \\n', () => {
		expect(decodeImportFile(utf8('a\tb\r\nc\td\re'))).toBe('a\tb\nc\td\ne');
		expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Käse\tcheese')]))).toBe(
			'Käse\tcheese'
		);
	});

	it('reads UTF-16 in either byte order when it has a byte order mark', () => {
		expect(decodeImportFile(utf16('Straße\tstreet\r\n', 'le'))).toBe('Straße\tstreet\n');
		expect(decodeImportFile(utf16('Straße\tstreet', 'be'))).toBe('Straße\tstreet');
	});

	it('refuses an empty file and one of blank space only', () => {
		expect(refusal(new Uint8Array())).toMatch(/empty/);
		expect(refusal(utf8(' \n\t\n'))).toMatch(/blank space/);
	});

	it('refuses broken encoding, naming the encoding and the line', () => {
		const latin1 = new Uint8Array([...utf8('ok\tfine\n'), 0x4b, 0xe4, 0x73, 0x65, 0x09, 0x61]);
		expect(refusal(latin1)).toMatch(/^Line 2: .*not valid UTF-8.*Latin-1/);
		const truncated = utf8('café').subarray(0, 4);
		expect(refusal(truncated)).toMatch(/not valid UTF-8/);
		expect(refusal(utf16('ab', 'le').subarray(0, 5))).toMatch(/not valid UTF-16 LE/);
	});

	it('refuses binary files, saying what they are', () => {
		expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/zip file.*\.apkg/);
		expect(refusal(utf8('SQLite format 3\0rest'))).toMatch(/SQLite/);
		expect(refusal(utf8('%PDF-1.7\n'))).toMatch(/PDF/);
		expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatch(/PNG/);
		expect(refusal(utf8('front\0\tback'))).toMatch(/NUL byte/);
		expect(refusal(utf8('GIF89a\x01\x02'))).toMatch(/GIF/);
		expect(refusal(utf8('RIFF\x10\x20\x30\x01WEBPVP8 '))).toMatch(/WebP/);
	});

	it('reads text that merely starts like a binary format', () => {
		expect(decodeImportFile(utf8('ID3 tags\tthe metadata of an MP3'))).toBe(
			'ID3 tags\tthe metadata of an MP3'
		);
		expect(decodeImportFile(utf8('GIF8 is\ta typo'))).toBe('GIF8 is\ta typo');
	});

	it('refuses a file over the limit, saying its size and the limit', () => {
		expect(() => checkImportSize(31 * 1024 * 1024)).toThrow(
			'This file is 31 MB; the most a file of cards may be is 20 MB.'
		);
		expect(refusal(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatch(/20 MB/);
	});
});
