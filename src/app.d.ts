// See https://svelte.dev/docs/kit/types#app.d.ts: the app declares none of App's types.

declare global {
	/** The sync server's origin, set by the build (see vite.config.ts); null when none is. */
	const __SYNC_ORIGIN__: string | null;
}

export {};
