// Every page is prerendered: the whole app is static files that a service worker can precache.
export const prerender = true;
