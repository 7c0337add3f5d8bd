import { describe, expect, it } from 'vitest';

import { fieldNameFromLoc, ProblemError, problemFieldErrors } from '@/lib/problem';

function validationProblem(errors: { loc: (string | number)[]; msg: string; type: string }[]) {
  return new ProblemError({
    type: 'https://prss.example.org/problems/invalid-input',
    title: 'Invalid input',
    status: 422,
    detail: 'email: value is not a valid email address',
    errors,
  });
}

describe('fieldNameFromLoc', () => {
  it('drops where the value came from and joins the path with dots', () => {
    expect(fieldNameFromLoc(['body', 'email'])).toBe('email');
    expect(fieldNameFromLoc(['body', 'enrolment_consent', 'signature'])).toBe('enrolment_consent.signature');
    expect(fieldNameFromLoc(['body', 'substances', 2])).toBe('substances.2');
    expect(fieldNameFromLoc(['query', 'limit'])).toBe('limit');
  });

  it('has no field for an issue about the whole body', () => {
    expect(fieldNameFromLoc(['body'])).toBeNull();
    expect(fieldNameFromLoc([])).toBeNull();
  });
});

describe('problemFieldErrors', () => {
  it('maps each 422 issue to its form field, first message per field', () => {
    const error = validationProblem([
      { loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error' },
      { loc: ['body', 'email'], msg: 'second message', type: 'value_error' },
      { loc: ['body', 'birth_year'], msg: 'Input should be greater than 1900', type: 'greater_than' },
    ]);
    expect(problemFieldErrors(error).fields).toEqual({
      email: 'Value is not a valid email address',
      birth_year: 'Input should be greater than 1900',
    });
  });

  it('removes pydantic\'s "Value error," prefix', () => {
    const error = validationProblem([
      { loc: ['body', 'expires_at'], msg: 'Value error, give an expiry date or an expiry event', type: 'value_error' },
    ]);
    expect(problemFieldErrors(error).fields.expires_at).toBe('Give an expiry date or an expiry event');
  });

  it('renames API fields to the form\'s names', () => {
    const error = validationProblem([{ loc: ['body', 'username'], msg: 'Field required', type: 'missing' }]);
    expect(problemFieldErrors(error, { rename: { username: 'email' } }).fields).toEqual({ email: 'Field required' });
  });

  it('keeps issues the form has no field for, so nothing is lost', () => {
    const error = validationProblem([
      { loc: ['body'], msg: 'Value error, a disclosure needs a recipient', type: 'value_error' },
      { loc: ['body', 'unknown_field'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      { loc: ['body', 'email'], msg: 'Field required', type: 'missing' },
    ]);
    const result = problemFieldErrors(error, { knownFields: ['email'] });
    expect(result.fields).toEqual({ email: 'Field required' });
    expect(result.other).toEqual([
      'A disclosure needs a recipient',
      'unknown_field: Extra inputs are not permitted',
    ]);
  });

  it('is empty for anything that is not a problem', () => {
    expect(problemFieldErrors(null)).toEqual({ fields: {}, other: [] });
    expect(problemFieldErrors(new Error('boom'))).toEqual({ fields: {}, other: [] });
  });
});

describe('ProblemError.fromResponse', () => {
  it('carries the problem details and the request id', () => {
    const response = new Response(null, { status: 409, headers: { 'X-Request-ID': 'abc123' } });
    const error = ProblemError.fromResponse(
      { type: 'https://prss.example.org/problems/conflict', title: 'Conflict', status: 409, detail: 'Already matched.' },
      response,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 409, title: 'Conflict', detail: 'Already matched.', errors: [], requestId: 'abc123' });
    expect(error.message).toBe('Already matched.');
  });

  it('makes a readable problem from a body that is not problem+json', () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = ProblemError.fromResponse('<html>Bad gateway</html>', response);
    expect(error.status).toBe(502);
    expect(error.detail).toMatch(/try again/i);
  });
});
