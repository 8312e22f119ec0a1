import { isRealDate } from '@repere/contract';
import type { Problem, Problems } from '@/features/workspace/components/form-errors';

// The API's rules (class-validator DTOs and validate-questions.ts), applied before sending so most mistakes are
// caught without a round trip. What only the server can know (a slug already taken, a questionnaire that has
// responses…) still comes back from it and lands beside the same fields.

// The limits, formats and isRealDate themselves are the contract's (@repere/contract), the server's too.

/** A collector of problems keyed by API field path. */
export class Checker {
  readonly problems: Problems = {};

  add(field: string, key: string, values?: Problem['values']): void {
    if (!this.problems[field]) this.problems[field] = values ? { key, values } : { key };
  }

  /** A text the API wants non-empty (IsNotEmpty) and at most `max` long. */
  required(field: string, value: string, max: number): void {
    if (value.trim() === '') this.add(field, 'required');
    else this.maxLength(field, value, max);
  }

  maxLength(field: string, value: string, max: number): void {
    if (value.length > max) this.add(field, 'tooLong', { max });
  }

  /** An optional calendar day (IsDateOnly). */
  date(field: string, value: string): void {
    if (value !== '' && !isRealDate(value)) this.add(field, 'date');
  }

  /** An optional finite number (IsNumber). */
  number(field: string, value: string): void {
    if (value.trim() !== '' && !Number.isFinite(Number(value))) this.add(field, 'number');
  }

  /** A required whole number within bounds (IsInt, Min, Max). */
  integer(field: string, value: string, min: number, max: number): void {
    const number = Number(value);
    if (value.trim() === '') this.add(field, 'required');
    else if (!Number.isInteger(number) || number < min || number > max) this.add(field, 'integerRange', { min, max });
  }

  get ok(): boolean {
    return Object.keys(this.problems).length === 0;
  }
}

/** Text as the API takes it for optional fields: blank is null. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function numberOrNull(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

export function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
