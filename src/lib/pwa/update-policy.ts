/** How often, at most, the app asks the server whether a new version exists. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Whether an update check is due: never checked, or the last check is at least an hour old.
 * @param lastCheckedAt epoch ms of the last check, or undefined when none was made yet
 * @param now epoch ms
 */
export function isUpdateCheckDue(lastCheckedAt: number | undefined, now: number): boolean {
	return lastCheckedAt === undefined || now - lastCheckedAt >= UPDATE_CHECK_INTERVAL_MS;
}
