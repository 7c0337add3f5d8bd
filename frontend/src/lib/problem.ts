/**
 * RFC 9457 problem details as the API sends them (`application/problem+json`), as an Error
 * that queries and mutations can throw, and the mapping of 422 validation errors onto form
 * fields.
 */

/** One validation failure of a 422: `loc` is where (e.g. `["body", "email"]`). */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Present on 422 responses. */
  errors?: ValidationIssue[];
}

/** Status used when the server could not be reached at all (network down, offline). */
export const NETWORK_ERROR_STATUS = 0;

export class ProblemError extends Error implements ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: ValidationIssue[];
  /** The server's X-Request-ID, worth quoting to support. */
  readonly requestId: string | null;

  constructor(problem: ProblemDetails, requestId: string | null = null) {
    super(problem.detail || problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = requestId;
  }

  /**
   * Builds the error from whatever a failed response carried. A body that is not problem+json
   * (a proxy's HTML 502, an empty 500) still yields a readable problem.
   */
  static fromResponse(body: unknown, response: Response): ProblemError {
    const requestId = response.headers.get('X-Request-ID');
    if (isProblemDetails(body)) {
      return new ProblemError(
        { ...body, errors: Array.isArray(body.errors) ? body.errors.filter(isValidationIssue) : [] },
        requestId,
      );
    }
    return new ProblemError(
      {
        type: 'about:blank',
        title: response.statusText || 'Request failed',
        status: response.status,
        detail:
          response.status >= 500
            ? 'Something went wrong on our side. Please try again in a moment.'
            : 'The request could not be completed.',
      },
      requestId,
    );
  }

  /** The error for a request that never got an answer. */
  static network(cause?: unknown): ProblemError {
    const error = new ProblemError({
      type: 'about:blank',
      title: 'Cannot reach the server',
      status: NETWORK_ERROR_STATUS,
      detail: "We couldn't reach the server. Check your connection and try again.",
    });
    if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}

function isValidationIssue(item: unknown): item is ValidationIssue {
  if (typeof item !== 'object' || item === null) return false;
  const candidate = item as Record<string, unknown>;
  return Array.isArray(candidate.loc) && typeof candidate.msg === 'string';
}

// Where the value came from, not part of the field's name.
const LOCATION_ROOTS = new Set(['body', 'query', 'path', 'header', 'cookie']);

/**
 * The form field a validation issue is about: `["body", "email"]` → `"email"`,
 * `["body", "enrolment_consent", "signature"]` → `"enrolment_consent.signature"`,
 * `["body", "substances", 2]` → `"substances.2"`. An issue about the whole body
 * (`["body"]`) has no field: `null`.
 */
export function fieldNameFromLoc(loc: readonly (string | number)[]): string | null {
  const parts = loc.length > 0 && LOCATION_ROOTS.has(String(loc[0])) ? loc.slice(1) : loc;
  return parts.length > 0 ? parts.map(String).join('.') : null;
}

// Pydantic prefixes custom validator messages with "Value error, ": people need only the rest.
function readableMessage(msg: string): string {
  const text = msg.replace(/^(Value|Assertion) error,\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ProblemFieldErrors {
  /** Field name → message, the first message per field. */
  fields: Record<string, string>;
  /** Messages that belong to no field on the form: show them with the form's error. */
  other: string[];
}

/**
 * Maps a 422's `errors[].loc` to form field names. `knownFields` (the names the form renders)
 * sends issues about fields the form does not show to `other`, so nothing is silently lost;
 * `rename` maps API names to the form's when they differ (`{ username: 'email' }`).
 */
export function problemFieldErrors(
  error: unknown,
  options: { knownFields?: readonly string[]; rename?: Record<string, string> } = {},
): ProblemFieldErrors {
  const result: ProblemFieldErrors = { fields: {}, other: [] };
  if (!isProblemError(error)) return result;
  const known = options.knownFields ? new Set(options.knownFields) : null;
  for (const issue of error.errors) {
    const apiName = fieldNameFromLoc(issue.loc);
    const name = apiName === null ? null : (options.rename?.[apiName] ?? apiName);
    const message = readableMessage(issue.msg);
    if (name === null || (known && !known.has(name))) {
      result.other.push(name === null ? message : `${name}: ${message}`);
    } else if (!(name in result.fields)) {
      result.fields[name] = message;
    }
  }
  return result;
}
