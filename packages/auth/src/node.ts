// `@oapi/auth/node`: what only Node can run, the loopback redirect of a CLI's authorization-code
// grant (an http server). Kept out of the main entry, which browsers, Deno, Bun and edge runtimes
// bundle: a node: import there breaks their builds even when never called.
export { authorizeOnLoopback, type LoopbackAuthorizationOptions } from './authorize-on-loopback.js';
export { startLoopbackRedirect, type LoopbackRedirect, type LoopbackRedirectOptions } from './loopback-redirect.js';
