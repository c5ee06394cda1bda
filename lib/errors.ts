/**
 * The domain's errors: lib/ throws these, never a UI type. They are mapped
 * to a form state once (lib/action.ts) and to an HTTP status once
 * (errorResponse below), so no caller maps them by hand.
 * Client-safe: no imports, nothing secret.
 * @see docs/architecture.md "Errors"
 */
/** The form-level message when fields are marked (the schema's or a rule's). */
export const INVALID_FORM_MESSAGE = "There is a problem with what you entered. Please check the fields marked below.";

export abstract class DomainError extends Error {
  abstract readonly status: 401 | 403 | 404 | 409 | 422 | 429;
  /** First message per form field, when the failure is about particular fields. */
  readonly fields: Record<string, string>;
  constructor(message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = new.target.name;
    this.fields = fields;
  }
}

/** Signed out (or the session was revoked): sign in again. */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = "Please sign in.") {
    super(message);
  }
}

/** Signed in, but this user may not do this to this row. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/** The row is gone (or was never there). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(message = "That could not be found. It may have been deleted.") {
    super(message);
  }
}

/**
 * Someone else changed the row after this edit was loaded (a stale version),
 * or the change clashes with the row's state. Nothing was written; `current`
 * carries the newer state when the screen should show it.
 */
export class ConflictError<T = unknown> extends DomainError {
  readonly status = 409;
  constructor(
    message: string,
    readonly current?: T,
    fields: Record<string, string> = {},
  ) {
    super(message, fields);
  }
}

/** The input breaks a rule the schema cannot see (a taken slug, a full day); `fields` marks where. */
export class InvalidError extends DomainError {
  readonly status = 422;
}

/** Too many attempts from this client or for this address. */
export class RateLimitedError extends DomainError {
  readonly status = 429;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The one mapping from a domain error to an HTTP response for route
 * handlers; anything else is rethrown (a 500, logged by Next).
 */
export function errorResponse(error: unknown, headers: Record<string, string> = { "Cache-Control": "private, no-store" }): Response {
  if (!isDomainError(error)) throw error;
  const body: Record<string, unknown> = { message: error.message };
  if (Object.keys(error.fields).length > 0) body.errors = error.fields;
  if (error instanceof ConflictError && error.current && typeof error.current === "object" && "version" in error.current) {
    body.version = (error.current as { version: unknown }).version;
  }
  return Response.json(body, { status: error.status, headers });
}
