import { registerDecorator, ValidationOptions } from 'class-validator';
import { isTimeZone } from './time-zone';

/** An IANA time zone name (« America/Vancouver »). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as America/Toronto', ...options },
      validator: { validate: (value: unknown) => isTimeZone(value) },
    });
}
