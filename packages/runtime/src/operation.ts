/** Which operation each response answered, recorded by the client's middleware for error messages. */
const operations = new WeakMap<Response, string>();

export function recordOperation(response: Response, request: Request, schemaPath: string): void {
  operations.set(response, `${request.method} ${schemaPath}`);
}

/** `GET /api/v1/users/{id}`, or the response's path when it did not come through a client. */
export function operationOf(response: Response): string {
  return operations.get(response) ?? (response.url ? new URL(response.url).pathname : 'request');
}
