import { isUpdateCheckDue } from './update-policy';

/**
 * The service worker's update cycle, in prompt mode: a new version waits until the user chooses
 * "Reload". Checks for a new version when the app becomes visible, at most hourly.
 */
export class AppUpdate {
	/** A new version is installed and waiting for the user. */
	available = $state(false);
	/** The app is cached and works offline from now on. */
	offlineReady = $state(false);
	/** Another tab activated the new version; this page should reload when the user is ready. */
	activatedElsewhere = $state(false);

	#apply: (() => Promise<void>) | undefined;
	#registration: ServiceWorkerRegistration | undefined;
	#lastCheckedAt: number | undefined;

	/** Registers the service worker. Call once, in the browser. */
	async start(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const { useRegisterSW } = await import('virtual:pwa-register/svelte');
		const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
			// Without this callback the page would reload itself when another tab applies an update.
			onNeedReload: () => {
				this.activatedElsewhere = true;
			},
			onRegisteredSW: (_url, registration) => {
				this.#registration = registration;
				this.#lastCheckedAt = Date.now();
			}
		});
		needRefresh.subscribe((value) => (this.available = value));
		offlineReady.subscribe((value) => (this.offlineReady = value));
		this.#apply = () => updateServiceWorker(true);
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.check();
		});
	}

	/** Asks the server for a new version when the last check is an hour old or more. */
	async check(now = Date.now()): Promise<void> {
		const registration = this.#registration;
		if (!registration || !isUpdateCheckDue(this.#lastCheckedAt, now) || !navigator.onLine) return;
		this.#lastCheckedAt = now;
		try {
			await registration.update();
		} catch {
			// Offline or the server is unreachable: the next visible moment tries again.
		}
	}

	/** Activates the waiting version and reloads once it controls the page. */
	async apply(): Promise<void> {
		if (this.activatedElsewhere) {
			location.reload();
			return;
		}
		// Reload ourselves once the new worker takes control (onNeedReload fires then).
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		await this.#apply?.();
	}
}

export const appUpdate = new AppUpdate();
