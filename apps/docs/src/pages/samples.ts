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
    .map((s) => ({ lang: String(s.lang), source: String(s.source) }));
  if (usable.length === 0) return '';
  const id = (i: number) => `${operationId}-sample-${i}`;
  return html`<h4>Code samples</h4>
<div class="samples">
<div role="tablist" aria-label="Code samples: ${operationId}">${usable.map(
    (s, i) =>
      html`<button type="button" role="tab" id="${id(i)}-tab" aria-controls="${id(i)}" aria-selected="${String(i === 0)}" tabindex="${i === 0 ? 0 : -1}">${s.lang}</button>`,
  )}</div>
${usable.map(
  (s, i) => html`<div role="tabpanel" id="${id(i)}" aria-labelledby="${id(i)}-tab"${i === 0 ? '' : html` hidden`}>
<button type="button" class="copy" aria-controls="${id(i)}-code" hidden>Copy</button>
<pre tabindex="0"><code id="${id(i)}-code" class="language-${s.lang.toLowerCase()}">${s.source}</code></pre>
</div>`,
)}
</div>`;
}
