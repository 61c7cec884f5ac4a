import { FlateErrorCode, unzipSync, type FlateError, type UnzipFileInfo } from 'fflate';
import { Decompress } from 'fzstd';
import { ImportError } from './errors';
import { checkApkgSize, wholeMegabytes } from './size';

/** The largest collection accepted once unpacked, in bytes (256 MB): it is read in memory. */
export const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;

/**
 * The collections a package may carry, the one to read first: Anki 2.1.50 and later write
 * `collection.anki21b` (schema 18, zstd) beside a dummy `collection.anki2` that asks users of older
 * versions to update; earlier 2.1 versions write `collection.anki21`, and Anki 2.0 `collection.anki2`
 * (both schema 11, plain SQLite). See rslib/src/import_export/package/meta.rs in ankitects/anki.
 */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

/** The file name of the collection a package was read from. */
export type CollectionName = (typeof COLLECTIONS)[number];

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/**
 * Unpacks an Anki package and returns its collection as SQLite bytes. Only the collection is
 * inflated (never the media), and only after its declared size is checked.
 * @throws ImportError when the file is too large, not a zip, damaged, has no collection, or its
 *   collection is larger than MAX_COLLECTION_BYTES or its compression is damaged
 */
export function unpackCollection(file: Uint8Array): { name: CollectionName; sqlite: Uint8Array } {
	if (file.byteLength === 0) throw new ImportError('The file is empty.');
	checkApkgSize(file.byteLength);
	// Every zip starts with a local file header, or with the end record when it is empty.
	if (file[0] !== 0x50 || file[1] !== 0x4b || (file[2] !== 3 && file[2] !== 5)) {
		throw new ImportError(
			'This is not an Anki package: an .apkg file is a zip archive, and this file is not one. In Anki, use File > Export and choose "Anki Deck Package (.apkg)".'
		);
	}
	const entries = new Map<string, UnzipFileInfo>();
	unzip(file, (entry) => {
		entries.set(entry.name, entry);
		return false;
	});
	const name = COLLECTIONS.find((candidate) => entries.has(candidate));
	const entry = name && entries.get(name);
	if (!name || !entry) {
		throw new ImportError(
			'This zip archive is not an Anki package: it holds no collection (collection.anki21b, collection.anki21 or collection.anki2).'
		);
	}
	if (entry.originalSize > MAX_COLLECTION_BYTES) {
		throw new ImportError(
			`The package's collection would unpack to ${wholeMegabytes(entry.originalSize)}; at most ${wholeMegabytes(MAX_COLLECTION_BYTES)} is accepted.`
		);
	}
	const packed = unzip(file, (candidate) => candidate.name === name)[name];
	if (!packed) throw damaged();
	return { name, sqlite: name === 'collection.anki21b' ? unzstd(packed) : packed };
}

function unzip(file: Uint8Array, filter: (entry: UnzipFileInfo) => boolean) {
	try {
		return unzipSync(file, { filter });
	} catch (error) {
		if (error instanceof ImportError) throw error;
		if ((error as FlateError).code === FlateErrorCode.UnknownCompressionMethod) {
			throw new ImportError(
				'The package is compressed in a way this app cannot read. Export it again from Anki.'
			);
		}
		throw damaged();
	}
}

function damaged(): ImportError {
	return new ImportError(
		'The package is damaged or incomplete (it may have been cut short while downloading). Download or export it again.'
	);
}

/** Decompresses a zstd collection, refusing one that is damaged or would grow past the limit. */
function unzstd(packed: Uint8Array): Uint8Array {
	const corrupt = () =>
		new ImportError(
			"The package's collection (collection.anki21b) is damaged: its compressed data cannot be read. Export it again from Anki."
		);
	if (!ZSTD_MAGIC.every((byte, i) => packed[i] === byte)) throw corrupt();
	// fzstd allocates the frame's window before reading it: a header may not ask for more than the limit.
	if (frameMemory(packed) > MAX_COLLECTION_BYTES) throw tooLargeUnpacked();
	const chunks: Uint8Array[] = [];
	let total = 0;
	const stream = new Decompress((chunk) => {
		total += chunk.length;
		if (total > MAX_COLLECTION_BYTES) throw tooLargeUnpacked();
		chunks.push(chunk);
	});
	try {
		stream.push(packed, true);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw corrupt();
	}
	const sqlite = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		sqlite.set(chunk, offset);
		offset += chunk.length;
	}
	return sqlite;
}

function tooLargeUnpacked(): ImportError {
	return new ImportError(
		`The package's collection unpacks to more than ${wholeMegabytes(MAX_COLLECTION_BYTES)}, the most accepted.`
	);
}

/**
 * The memory a zstd frame's header asks for: its window (RFC 8878, 3.1.1.1.2), or its content
 * size when the frame is a single segment.
 */
function frameMemory(frame: Uint8Array): number {
	const flags = frame[4] ?? 0;
	if ((flags & 0x20) === 0) {
		const descriptor = frame[5] ?? 0;
		const base = 2 ** (10 + (descriptor >> 3));
		return base + (base / 8) * (descriptor & 7);
	}
	const dictionaryBytes = [0, 1, 2, 4][flags & 3] ?? 0;
	const sizeBytes = [1, 2, 4, 8][flags >> 6] ?? 0;
	let size = 0;
	for (let i = 0; i < sizeBytes; i++) size += (frame[5 + dictionaryBytes + i] ?? 0) * 2 ** (8 * i);
	return sizeBytes === 2 ? size + 256 : size;
}
