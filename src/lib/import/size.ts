import { ImportError } from './errors';
import { guessImportFormat } from './format';
import { MAX_IMPORT_BYTES } from './types';

// The size limits of a picked file, checked from its size alone before its bytes are read (the
// page checks `File.size`; the readers check again what they are given).

/** The largest package accepted, in bytes (100 MB). */
export const MAX_APKG_BYTES = 100 * 1024 * 1024;

const MB = 1024 * 1024;

/** A size in megabytes as a person reads it: "31 MB", "20.5 MB". */
function megabytes(bytes: number): string {
	const value = bytes / MB;
	return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MB`;
}

/** A package's size in whole megabytes, rounded up: "151 MB". */
export function wholeMegabytes(bytes: number): string {
	return `${Math.ceil(bytes / MB)} MB`;
}

/**
 * Refuses a file larger than an import may be, from its size alone, before it is read.
 * @throws ImportError saying the file's size and the limit
 */
export function checkImportSize(bytes: number): void {
	if (bytes > MAX_IMPORT_BYTES) {
		throw new ImportError(
			`This file is ${megabytes(bytes)}; the most a file of cards may be is ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`
		);
	}
}

/**
 * Refuses a package over MAX_APKG_BYTES, before it is read into memory (pass `File.size`).
 * @throws ImportError naming the limit
 */
export function checkApkgSize(bytes: number): void {
	if (bytes > MAX_APKG_BYTES) {
		throw new ImportError(
			`The package is too large (${wholeMegabytes(bytes)}); at most ${wholeMegabytes(MAX_APKG_BYTES)} is accepted. Export fewer decks, or export without media, from Anki.`
		);
	}
}

/**
 * Refuses a picked file that is larger than its kind may be (a package by its name, any other file
 * as text), from its name and size, before its bytes are read.
 * @throws ImportError saying the file's size and the limit
 */
export function checkPickedSize(name: string, bytes: number): void {
	if (guessImportFormat(name) === 'apkg') checkApkgSize(bytes);
	else checkImportSize(bytes);
}
