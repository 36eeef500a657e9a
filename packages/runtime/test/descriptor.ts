// A provider descriptor as codegen writes one, for tests: one server, no auth, JSON bodies.
import type { ProviderDescriptor } from '../src/index.js';

export function testDescriptor(overrides: Partial<ProviderDescriptor> = {}): ProviderDescriptor {
  return {
    id: 'test',
    servers: [{ url: 'https://api.example.com' }],
    exampleUrl: 'https://api.example.com',
    options: [],
    serverOptions: [],
    security: { provider: 'test', schemes: {}, defaultSchemes: {} },
    deprecatedOperations: [],
    ...overrides,
  };
}

/** A spec whose one scheme is an HTTP bearer token: what `bearerToken()` sends by. */
export const bearerSecurity: ProviderDescriptor['security'] = {
  provider: 'test',
  schemes: { bearer: { type: 'http', scheme: 'bearer' } },
  defaultSchemes: { bearer: 'bearer', apiKey: 'bearer' },
};
