import { referenceSetup, sampleEnvironment } from '../code-samples.js';
import type { Provider } from '../providers.js';
import { isObject } from '../spec-json.js';
import { html, type Html } from './html.js';

/**
 * An operation's code samples (its `x-codeSamples`) as tabs labelled by language: curl, TypeScript
 * and any other the spec or the build adds. Without JavaScript every sample shows, one after another.
 */
export function samplesBlock(operationId: string, samples: readonly unknown[]): Html | '' {
  const usable = samples
    .filter(isObject)
    .filter((s) => typeof s.lang === 'string' && typeof s.source === 'string')
    .map((s) => ({
      lang: String(s.lang),
      label: typeof s.label === 'string' ? s.label : String(s.lang),
      source: String(s.source),
    }));
  if (usable.length === 0) return '';
  const id = (i: number) => `${operationId}-sample-${i}`;
  return html`<h4>Code samples</h4>
<div class="samples">
<div role="tablist" aria-label="Code samples: ${operationId}">${usable.map(
    (s, i) =>
      html`<button type="button" role="tab" id="${id(i)}-tab" aria-controls="${id(i)}" aria-selected="${String(i === 0)}" tabindex="${i === 0 ? 0 : -1}">${s.label}</button>`,
  )}</div>
${usable.map(
  (s, i) => html`<div role="tabpanel" id="${id(i)}" aria-labelledby="${id(i)}-tab"${i === 0 ? '' : html` hidden`}>
<button type="button" class="copy" aria-controls="${id(i)}-code" hidden>Copy</button>
<pre tabindex="0"><code id="${id(i)}-code" class="language-${s.lang.toLowerCase()}">${s.source}</code></pre>
</div>`,
)}
</div>`;
}

/**
 * What every sample of the reference assumes, shown once at its top: the client setup the
 * TypeScript samples run after, and the environment variables both languages read.
 */
export function setupSection(provider: Provider): Html {
  const setup = referenceSetup(provider);
  const variables = sampleEnvironment(provider);
  const token = variables.find((name) => name.endsWith('_ACCESS_TOKEN'));
  return html`<section id="client-setup" aria-labelledby="client-setup-title">
<h2 id="client-setup-title">Samples: setup</h2>
${
  setup
    ? html`<p>Every TypeScript sample below runs after this setup of <code>${provider.client!.name}</code> (the <a href="auth.html#quickstart">authentication guide</a> has one for each way of signing in):</p>
<pre tabindex="0"><code class="language-typescript">${setup.code}</code></pre>`
    : html`<p>The typed client <code>@oapi/${provider.id}</code> is in progress: the samples are curl only.</p>`
}
<p>The samples read these environment variables, the same in curl and TypeScript: ${variables.map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)}.${token ? html` <code>${token}</code> is the <code>access_token</code> of a token request (the token endpoint's curl sample gets one).` : ''}</p>
</section>`;
}
