/** The event Chrome fires when the app can be installed (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const IOS_HINT_DISMISSED = 'cto-prep:ios-hint-dismissed';

/**
 * Offers installation: an "Install app" button where the browser fires `beforeinstallprompt`, and
 * on iOS Safari (which has no such event, and deletes a site's data after 7 days without a visit
 * unless it is on the Home Screen) a short "Add to Home Screen" hint.
 */
class InstallPrompt {
	/** The browser offers installation now. */
	available = $state(false);
	/** The app runs installed (standalone), so there is nothing to offer. */
	installed = $state(false);
	/** iOS Safari, not yet on the Home Screen, hint not dismissed. */
	iosHint = $state(false);
	#event: BeforeInstallPromptEvent | null = null;
	#started = false;

	/** Starts listening; call once, in the browser. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		const standalone =
			matchMedia('(display-mode: standalone)').matches ||
			(navigator as Navigator & { standalone?: boolean }).standalone === true;
		this.installed = standalone;
		window.addEventListener('beforeinstallprompt', (event) => {
			// Keep the browser's mini-bar away; the app offers installation in its own words.
			event.preventDefault();
			this.#event = event as BeforeInstallPromptEvent;
			this.available = true;
		});
		window.addEventListener('appinstalled', () => {
			this.available = false;
			this.installed = true;
			this.#event = null;
		});
		const ios =
			/iPad|iPhone|iPod/.test(navigator.userAgent) ||
			(navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
		const safari =
			/Safari/.test(navigator.userAgent) && !/CriOS|FxiOS|EdgiOS/.test(navigator.userAgent);
		this.iosHint =
			ios && safari && !standalone && localStorage.getItem(IOS_HINT_DISMISSED) === null;
	}

	/** Shows the browser's install dialog. */
	async install(): Promise<void> {
		const event = this.#event;
		if (!event) return;
		await event.prompt();
		const { outcome } = await event.userChoice;
		// The event can be used once; Chrome fires a new one if the learner may try again.
		this.#event = null;
		this.available = false;
		if (outcome === 'accepted') this.installed = true;
	}

	/** Hides the iOS hint for good. */
	dismissIosHint(): void {
		localStorage.setItem(IOS_HINT_DISMISSED, String(Date.now()));
		this.iosHint = false;
	}
}

export const installPrompt = new InstallPrompt();
