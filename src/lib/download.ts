/**
 * Saves text as a file the browser downloads under `name` (the backup, an exported deck). Nothing
 * leaves the device: the file is made from a local object URL.
 */
export function saveTextFile(text: string, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers; a minute later nothing uses it.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
