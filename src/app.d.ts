// See https://svelte.dev/docs/kit/types#app.d.ts: the app declares none of App's types.
export {};
