// A provider descriptor as codegen writes one, for tests: one server, no auth, JSON bodies.
import type { ProviderDescriptor } from '../src/index.js';

export function testDescriptor(overrides: Partial<ProviderDescriptor> = {}): ProviderDescriptor {
  return {
    id: 'test',
    title: 'Test API',
    version: '1.0.0',
    servers: [{ url: 'https://api.example.com' }],
    security: { provider: 'test', schemes: {}, security: [] },
    tokenParameters: [],
    strategies: [],
    bodyEncoding: 'json',
    deprecatedOperations: [],
    ...overrides,
  };
}
