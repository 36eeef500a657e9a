/** A media type (or range) as written in a `content` map, normalized for comparison. */
export interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  type: string;
  subtype: string;
  /** The essence with its parameters, sorted and lower case (a JSON `charset` dropped). */
  full: string;
}

/** `Application/JSON; charset=utf-8` is `application/json`: JSON is UTF-8 whatever the parameter says (RFC 8259). */
export function parseMediaType(text: string): MediaType {
  const [essenceText = '', ...parameterTexts] = text.split(';');
  const essence = essenceText.trim().toLowerCase();
  const [type = '', subtype = ''] = essence.split('/');
  const json = subtype === 'json' || subtype.endsWith('+json');
  const parameters = parameterTexts
    .map((p) => {
      const [name = '', value = ''] = p.split('=');
      return [name.trim().toLowerCase(), value.trim().replace(/^"|"$/g, '')] as const;
    })
    .filter(([name]) => name !== '' && !(json && name === 'charset'))
    .map(([name, value]) => `${name}=${name === 'charset' ? value.toLowerCase() : value}`)
    .sort();
  return { essence, type, subtype, full: [essence, ...parameters].join(';') };
}

/**
 * How `head` relates to `base`: `specialised` when every body of `head`'s type is also one of
 * `base`'s (`*\/*` → `application/json`, `application/*` → `application/xml`, `application/json` →
 * `application/problem+json`), `generalised` the other way round.
 */
export function relation(base: MediaType, head: MediaType): 'specialised' | 'generalised' | undefined {
  if (base.essence === head.essence) return undefined;
  if (covers(base, head)) return 'specialised';
  if (covers(head, base)) return 'generalised';
  return undefined;
}

/** Whether media range `outer` includes media type `inner`. */
function covers(outer: MediaType, inner: MediaType): boolean {
  if (outer.essence === '*/*') return true;
  if (outer.type !== inner.type) return false;
  if (outer.subtype === '*') return true;
  // A structured syntax suffix: `application/problem+json` is JSON.
  return inner.subtype.endsWith(`+${outer.subtype}`);
}
