// Bytes as text for JSON documents. Standard base64 is checked strictly (canonical padding, no
// whitespace) so that one document has one spelling, and so that atob's leniency never matters.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes as standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
	let binary = '';
	// In slices: spreading megabytes into one call would pass the engine's argument limit.
	for (let at = 0; at < bytes.length; at += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
	}
	return btoa(binary);
}

/** The bytes standard base64 holds, or null when the text is not canonical base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
	if (!BASE64.test(text)) return null;
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
	return bytes;
}

/** Bytes as base64url without padding, which is safe in a document id. */
export function bytesToBase64Url(bytes: Uint8Array): string {
	return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
