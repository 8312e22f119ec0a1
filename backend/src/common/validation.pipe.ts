import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './errors';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({
      field,
      // class-validator names the bare property; a nested one needs its full path to be found.
      message: prefix ? message.replace(new RegExp(`^${e.property}\\b`), field) : message,
      // The rule's name, so that the web app can say what is wrong in the user's language.
      code,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting DTO validation whose 400 lists each field and what is wrong with it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const message = fieldErrors.map((f) => f.message).join('; ');
      return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', message, fieldErrors);
    },
  });
}
