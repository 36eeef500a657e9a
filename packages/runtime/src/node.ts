// `@oapi/runtime/node`: what needs Node's own modules, kept out of the main entry, which browsers,
// Deno, Bun and edge runtimes bundle (a node: import there breaks their builds even when unused).
export { fileFromPath } from './file-from-path.js';
