// `@oapi/wootric-cxi/node`: what needs Node's own modules (files on disk), kept out of the main entry,
// which browsers, Deno, Bun and edge runtimes bundle.
export { fileFromPath } from '@oapi/runtime/node';
