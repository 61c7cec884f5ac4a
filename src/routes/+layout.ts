// Every page is prerendered: the whole app is static files that a service worker can precache.
export const prerender = true;
// Pages are written as folder/index.html, which every static host serves the same way, even
// where a page and its data folder (notes/x/__data.json) share a name.
export const trailingSlash = 'always';
