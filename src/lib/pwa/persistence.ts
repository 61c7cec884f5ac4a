/** Whether the browser keeps this site's data until the user clears it, and how much is used. */
export interface StorageReport {
	/** null when the browser cannot say. */
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

/**
 * Asks the browser to keep the study data even when the device runs low on space. Browsers may
 * grant it silently, ask the user, or refuse; asking again later is harmless.
 * @returns whether storage is persistent now (null when the browser cannot say)
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
	try {
		if (await navigator.storage.persisted()) return true;
		return await navigator.storage.persist();
	} catch {
		return null;
	}
}

/** Reads whether storage is persistent and how much of it the app uses. */
export async function storageReport(): Promise<StorageReport> {
	const report: StorageReport = { persisted: null, usage: null, quota: null };
	if (typeof navigator === 'undefined' || !navigator.storage) return report;
	try {
		report.persisted = (await navigator.storage.persisted?.()) ?? null;
		const estimate = await navigator.storage.estimate?.();
		report.usage = estimate?.usage ?? null;
		report.quota = estimate?.quota ?? null;
	} catch {
		// The browser refused to say; the report stays unknown.
	}
	return report;
}
