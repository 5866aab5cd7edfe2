/** A message reference: a key in messages/*.json under `errors.` plus its parameters. */
export type MessageRef = { key: string; params?: Record<string, string | number> };
export type FieldErrorRefs = Record<string, MessageRef[]>;

/** Base of the errors whose message is safe to show to the person who caused them. */
export class AppError extends Error {
  constructor(
    readonly key: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `fieldErrors` maps a field name to its messages. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrorRefs = {},
    key = 'validation.form',
    params?: Record<string, string | number>,
  ) {
    super(key, params);
  }
  static field(field: string, key: string, params?: Record<string, string | number>): ValidationError {
    return new ValidationError({ [field]: [{ key, params }] });
  }
}

/** The row does not exist, or belongs to a service the caller cannot see (never say which). */
export class NotFoundError extends AppError {
  constructor(key = 'errors.notFound', params?: Record<string, string | number>) {
    super(key, params);
  }
}

export class ForbiddenError extends AppError {
  constructor(key = 'errors.forbidden', params?: Record<string, string | number>) {
    super(key, params);
  }
}

/** A concurrent change or a uniqueness clash. */
export class ConflictError extends AppError {
  constructor(
    key = 'errors.conflict',
    params?: Record<string, string | number>,
    readonly field?: string,
  ) {
    super(key, params);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('errors.unauthenticated');
  }
}

/** True for a PostgreSQL unique-violation, optionally on a named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr?.code === '23505' && (!constraint || pgErr.constraint === constraint);
}
