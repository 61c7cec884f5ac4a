// Plain JavaScript with JSDoc types: svelte.config.js (run by Node before any TypeScript is
// compiled) reads it to put the sync server into the Content-Security-Policy, and the app reads
// it to know where to sync. One rule, so the two can never disagree.

/** The build setting that names the sync server; unset or empty means no sync is offered. */
export const SYNC_SERVER_VARIABLE = 'PUBLIC_SYNC_SERVER';

/**
 * The origin of the sync server named by the build (`https://couch.example.org`), or null when
 * none is. Only the origin counts: the Content-Security-Policy allows exactly it.
 * @param {string | undefined} value the build setting as given
 * @returns {string | null}
 * @throws {Error} saying what is wrong, when the value is not an https URL (or http on this
 *   machine, for testing)
 */
export function syncOrigin(value) {
	const text = (value ?? '').trim();
	if (text === '') return null;
	/** @type {URL} */
	let url;
	try {
		url = new URL(text);
	} catch {
		throw new Error(
			`${SYNC_SERVER_VARIABLE} must be the URL of a CouchDB server, such as https://couch.example.org; it is "${text}".`
		);
	}
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new Error(
			`${SYNC_SERVER_VARIABLE} must use https (plain http only for localhost, to test); it is "${text}".`
		);
	}
	if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
		throw new Error(
			`${SYNC_SERVER_VARIABLE} must be a server's origin alone (no path, query or password), such as https://couch.example.org; it is "${text}".`
		);
	}
	return url.origin;
}
