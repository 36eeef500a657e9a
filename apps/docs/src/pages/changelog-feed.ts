// The changelog as an Atom feed (RFC 4287), an entry per release group, for feed readers. Links are
// relative to the feed (`<id>/changelog.atom`), as the site's own pages are: the site has no fixed
// address. Ids are tag URIs (RFC 4151), stable while a group's anchor is.
import type { Provider } from '../providers.js';
import { referenceOperations } from '../reference-operations.js';
import type { ReleaseLog } from '../release-log.js';
import { groupBody } from './changelog.js';
import { html } from './html.js';
import { siteName } from './layout.js';

const tagId = (provider: Provider, rest: string) => `tag:${siteName},2026:${provider.id}/changelog${rest}`;

/** No group yet (or no history): the feed still needs an `updated`. */
const epoch = '1970-01-01T00:00:00Z';

export function changelogFeed(provider: Provider, log: ReleaseLog): string {
  const groups = 'groups' in log ? log.groups : [];
  const operations = referenceOperations(provider.spec);
  const updated = groups.map((g) => g.date).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), epoch);
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${tagId(provider, '')}</id>
<title>${provider.title}: changelog</title>
<subtitle>Changes to the ${provider.title} API description and its client, as release notes.</subtitle>
<updated>${updated}</updated>
<author><name>${siteName}</name></author>
<link rel="self" type="application/atom+xml" href="changelog.atom"/>
<link rel="alternate" type="text/html" href="changelog.html"/>
${groups.map(
  (g) => html`<entry>
<id>${tagId(provider, `/${g.id}`)}</id>
<title>${g.title}</title>
<updated>${g.date}</updated>
<link rel="alternate" type="text/html" href="changelog.html#${g.id}"/>
<content type="html">${groupBody(g, provider, operations).value}</content>
</entry>
`,
)}</feed>
`.value;
}
