// A deprecated operation, told once: the spec marks it `deprecated`, or the server says so with
// `Deprecation` (RFC 9745) or `Sunset` (RFC 8594) headers. No SDK generator we know of surfaces this
// at run time; users otherwise learn of a sunset when the operation is gone.

export interface DeprecationNotice {
  /** The provider's id: `wootric`. */
  readonly provider: string;
  /** `GET /v1/things/{id}` */
  readonly operation: string;
  /** The spec marks the operation `deprecated`. */
  readonly inSpec: boolean;
  /** The response carried `Deprecation` or `Sunset`. */
  readonly fromServer: boolean;
  /** When the server deprecated it, or will (`Deprecation: @<epoch seconds>`). */
  readonly deprecatedAt?: Date | undefined;
  /** When it stops working (`Sunset: <HTTP-date>`). */
  readonly sunsetAt?: Date | undefined;
  /** Where the server explains it (`Link: <…>; rel="deprecation"`, or `rel="sunset"`). */
  readonly link?: string | undefined;
}

const toDate = (ms: number) => (Number.isNaN(ms) ? undefined : new Date(ms));

/** The notice for a response of `operation`, when the spec or the server says it is deprecated. */
export function deprecationNotice(
  provider: string,
  operation: string,
  inSpec: boolean,
  headers: Headers,
): DeprecationNotice | undefined {
  // The common case first, cheaply: this runs on every response.
  const fromServer = headers.has('deprecation') || headers.has('sunset');
  if (!inSpec && !fromServer) return undefined;
  const deprecation = headers.get('deprecation') ?? '';
  const sunset = headers.get('sunset') ?? '';
  return {
    provider,
    operation,
    inSpec,
    fromServer,
    // RFC 9745's structured date is `@<seconds>`; its drafts sent an HTTP-date, or `true`.
    deprecatedAt: toDate(deprecation[0] === '@' ? Number(deprecation.slice(1)) * 1000 : Date.parse(deprecation)),
    sunsetAt: toDate(Date.parse(sunset)),
    link: /<([^>]*)>[^,]*rel="?[^",]*\b(?:deprecation|sunset)\b/i.exec(headers.get('link') ?? '')?.[1],
  };
}

/**
 * The default `onDeprecation`: one warning per operation, on the console, the notice beside it (by
 * whom, since when, the sunset, the link): the console shows its fields without formatting code here.
 */
export function warnDeprecation(notice: DeprecationNotice): void {
  console.warn(
    `${notice.provider}: ${notice.operation} is deprecated; told once per operation, onDeprecation handles it`,
    notice,
  );
}
