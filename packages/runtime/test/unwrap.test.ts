import { describe, expect, it } from 'vitest';
import {
  ApiError,
  apiErrorFor,
  createUnwrap,
  errorListSummary,
  RateLimitError,
  UnauthorizedError,
  unwrap,
  ValidationError,
} from '../src/index.js';

class LockedError<Body> extends ApiError<Body> {
  override readonly name = 'LockedError';
}

const reply = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const errorList = {
  type: 'error_list',
  errors: [{ status: 'record_not_found', message: 'The record could not be found', field: null }],
};

describe('apiErrorFor and unwrap', () => {
  it.each([
    [401, UnauthorizedError],
    [422, ValidationError],
    [429, RateLimitError],
    [404, ApiError],
    [500, ApiError],
  ])('maps %i to %o', (status, type) => {
    const error = apiErrorFor(reply(status), {});
    expect(error).toBeInstanceOf(type);
    expect(error.status).toBe(status);
  });

  it('reads Retry-After into RateLimitError.retryAfterMs', () => {
    expect(apiErrorFor(reply(429, { 'retry-after': '30' }), {})).toMatchObject({ retryAfterMs: 30_000 });
  });

  it('lists the errors of an error-list body in the message', () => {
    const error = apiErrorFor(reply(404), errorList);
    expect(error.message).toBe('request answered 404: record_not_found: The record could not be found');
    expect(error.body).toBe(errorList);
  });

  it('throws provider classes from createUnwrap, and the shared ones otherwise', () => {
    const providerUnwrap = createUnwrap({ 423: LockedError });
    expect(() => providerUnwrap({ error: errorList, response: reply(423) })).toThrow(LockedError);
    expect(() => unwrap({ error: errorList, response: reply(423) })).not.toThrow(LockedError);
    expect(providerUnwrap({ data: [1], response: reply(200) })).toEqual([1]);
  });
});

describe('errorListSummary', () => {
  it.each([
    [errorList, 'record_not_found: The record could not be found'],
    [
      {
        errors: [
          { message: 'is invalid', field: 'email', status: 'invalid' },
          { message: 'too long', code: 'length' },
        ],
      },
      'invalid: is invalid (field: email); length: too long',
    ],
    [{ errors: [{ user: ['parameter is required'] }] }, undefined],
    [{ errors: [null, 'oops', { status: 404, code: 'gone', message: 'Gone', field: '' }] }, 'gone: Gone'],
    [{ message: 'Please complete the onboarding flow first.' }, undefined],
    ['plain text', undefined],
  ])('%j → %s', (body, expected) => {
    expect(errorListSummary(body)).toBe(expected);
  });
});
