// `@oapi/klika/node`: the loopback redirect of a CLI's authorization-code grant (an http server),
// kept out of the main entry, which browsers, Deno, Bun and edge runtimes bundle.
export {
  authorizeOnLoopback,
  startLoopbackRedirect,
  type LoopbackAuthorizationOptions,
  type LoopbackRedirect,
} from '@oapi/auth/node';
