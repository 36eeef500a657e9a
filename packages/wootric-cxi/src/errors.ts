import { ApiError, createUnwrap } from '@oapi/runtime';
import type { components } from './generated/openapi.js';

export type ErrorList = components['schemas']['ErrorList'];
export type OnboardingRequiredBody = components['schemas']['OnboardingRequiredError'];

/**
 * 424: the account has not finished CXI onboarding; until `PUT /v1/onboarding` with
 * `onboarded: true`, every endpoint but `/v1/onboarding` answers this.
 */
export class OnboardingRequiredError<Body = OnboardingRequiredBody> extends ApiError<Body> {
  override readonly name = 'OnboardingRequiredError';
  constructor(operation: string, response: Response, body: Body) {
    super(operation, response, body, ' (finish onboarding: PUT /v1/onboarding with onboarded=true)');
  }
}

/**
 * The data of a result, or a thrown error: `OnboardingRequiredError` (424), `UnauthorizedError`
 * (401), `RateLimitError` (429) or `ApiError`, whose message lists an `error_list` body's errors.
 */
export const unwrap = /* @__PURE__ */ createUnwrap({ 424: OnboardingRequiredError });
