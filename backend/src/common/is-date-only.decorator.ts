import { registerDecorator, ValidationOptions } from 'class-validator';
import { isRealDate } from '@repere/contract';

/** A calendar date `YYYY-MM-DD` that exists (no 2021-02-30): plan dates are days, not instants. */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date (YYYY-MM-DD)`, ...options },
      validator: {
        validate(value: unknown): boolean {
          return typeof value === 'string' && isRealDate(value);
        },
      },
    });
  };
}
