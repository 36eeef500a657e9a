import type { Middleware } from 'openapi-fetch';
import type { BodyEncoder } from './descriptor.js';
import { railsBodySerializer } from './rails-form.js';

/**
 * openapi-fetch labels every serialized body that is not FormData `application/json`. For an API
 * whose request bodies are all forms (checked against the spec by the provider's tests), this
 * middleware relabels such a body `application/x-www-form-urlencoded`, the type of the text that
 * `railsBodySerializer` wrote.
 */
export const formContentType: Middleware = {
  onRequest({ request }) {
    if (request.body !== null && request.headers.get('content-type') === 'application/json') {
      request.headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    return undefined;
  },
};

/** Rails bracket form bodies (`x-bracket-notation`): what a generated descriptor whose spec uses them imports. */
export const railsForms: BodyEncoder = { bodySerializer: railsBodySerializer, middleware: formContentType };
