import { assertPositiveInteger } from '@oapi/runtime';
import type { Client } from 'openapi-fetch';
import { envelopeData } from './envelope.js';
import type { components, operations, paths } from './generated/openapi.js';
import { itemsOf, pagesByIndex } from './paginate.js';

export type User = components['schemas']['User'];
export type UserPage = components['schemas']['UserPage'];
/** `pageIndex` (one-based), `pageSize`, `keywords`. */
export type ListUsersQuery = NonNullable<operations['listUsers']['parameters']['query']>;

export interface UserIterationOptions {
  /** Free-text filter (substring of login name, names, …). */
  readonly keywords?: string;
  /** Users per request. Default 25, the documented example's; CloudCX documents no maximum. */
  readonly pageSize?: number;
  /** The one-based page to start at, to resume a walk. Default 1. */
  readonly firstPageIndex?: number;
}

export interface UserMethods {
  /** One page of users: the envelope's `data`, or a thrown CloudcxApiError. */
  listUsers(query?: ListUsersQuery): Promise<UserPage>;
  /** Every page of users matching `keywords`, fetched one after another. */
  userPages(options?: UserIterationOptions): AsyncGenerator<UserPage, void, undefined>;
  /** Every user matching `keywords`, across pages: `for await (const user of cloudcx.users())`. */
  users(options?: UserIterationOptions): AsyncGenerator<User, void, undefined>;
}

const operation = 'GET /openapi/v2/user/page';
export const defaultPageSize = 25;

/** A reply body: JSON when it parses, else the text itself, so that errors can quote it. */
function parsed(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function userMethods(client: Client<paths>): UserMethods {
  async function listUsers(query: ListUsersQuery = {}): Promise<UserPage> {
    // Read as text: a control panel answers unknown paths with its HTML app under 200, which
    // must become a CloudcxApiError quoting it, not a JSON SyntaxError.
    const { data, error, response } = await client.GET('/openapi/v2/user/page', { params: { query }, parseAs: 'text' });
    return envelopeData<UserPage>(response, response.ok ? parsed(data) : error);
  }

  function userPages({ keywords, pageSize = defaultPageSize, firstPageIndex }: UserIterationOptions = {}) {
    assertPositiveInteger(pageSize, 'options.pageSize');
    if (firstPageIndex !== undefined) assertPositiveInteger(firstPageIndex, 'options.firstPageIndex');
    // An undefined `keywords` is left out of the query.
    return pagesByIndex((pageIndex) => listUsers({ pageIndex, pageSize, keywords }), { operation, firstPageIndex });
  }

  return {
    listUsers,
    userPages,
    users: (options) => itemsOf(userPages(options)),
  };
}
