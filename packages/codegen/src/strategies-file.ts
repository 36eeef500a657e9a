// `src/generated/strategies.ts`: the strategy factories the spec's security schemes allow, which the
// client package exports. Its grant factories are @oapi/auth's bound to the provider's `security`
// (`withSecurity`), so that each grant carries the token endpoint it needs, and the bundle of a
// static credential, which imports none of them, carries none of it.
import { grants, grantTypes } from '@oapi/auth';
import type { SpecDescriptor } from './descriptor.js';
import { shippedSecurity } from './shipped-security.js';

/** The authorization-code flow's browser step, exported beside its strategy. */
const authorizationCodeHelpers = ['createAuthorizationRequest', 'readAuthorizationCallback'];

/** The file's code, after its header. */
export function renderStrategies({ id, security, strategies }: SpecDescriptor): string {
  const grantRows = grantTypes.map((grant) => grants[grant]).filter((row) => strategies.includes(row.strategy));
  const bound: readonly string[] = grantRows.map((row) => row.strategy);
  const helpers = strategies.includes(grants.authorization_code.strategy) ? authorizationCodeHelpers : [];
  const asTheyAre = [...strategies.filter((name) => !bound.includes(name)), ...helpers].sort();
  return [
    "import * as auth from '@oapi/auth';",
    '',
    '/**',
    ` * The ${id} spec's security schemes with what its grants need: token URLs, \`x-token-request\`, token`,
    ' * lifetime. Each grant factory below attaches it to its strategies; `createAuth`,',
    ' * `createAuthorizationRequest` and `authorizeOnLoopback` take it as their `security`.',
    ' */',
    `export const security = ${JSON.stringify(shippedSecurity(security), null, 2)} as const satisfies auth.SecurityConfig;`,
    // In the grant table's order.
    ...grantRows.flatMap(({ strategy, title }) => [
      '',
      `/** ${title}: \`${strategy}\` of @oapi/auth, its strategies carrying \`security\`. */`,
      `export const ${strategy} = /* @__PURE__ */ auth.withSecurity(auth.${strategy}, security);`,
    ]),
    '',
    `export { ${asTheyAre.join(', ')} } from '@oapi/auth';`,
    '',
  ].join('\n');
}
