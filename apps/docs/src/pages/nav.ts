import type { Provider } from '../providers.js';

/** The top bar of a provider's pages (which sit in `<id>/`): its reference, its guide, its changelog, its downloads. */
export function providerNav(provider: Provider): Array<{ href: string; label: string }> {
  return [
    { href: 'index.html', label: `${provider.title} reference` },
    { href: 'auth.html', label: 'Authentication' },
    { href: 'changelog.html', label: 'Changelog' },
    { href: `../downloads/${provider.id}.openapi.yaml`, label: 'YAML' },
    { href: `../downloads/${provider.id}.openapi.json`, label: 'JSON' },
  ];
}
