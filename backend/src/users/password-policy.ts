import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;

/**
 * The most common passwords, as zxcvbn-ts ships them (@zxcvbn-ts/language-common, ~49,000 entries drawn from
 * leaked-password corpora, maintained with the zxcvbn-ts estimator): a list that comes with a package and is
 * updated with it, not one typed in here. Compared case-insensitively, so « Azertyuiop » is refused as « azertyuiop ».
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => String(p).toLowerCase()));

/** Why a password is refused, as a stable word (the API's error code after `password_`) and a sentence. */
export type PasswordProblem = 'too_short' | 'common' | 'repeated' | 'email';

const MESSAGES: Record<PasswordProblem, (field: string) => string> = {
  too_short: (field) => `${field} must be longer than or equal to ${PASSWORD_MIN_LENGTH} characters`,
  common: (field) => `${field} is one of the most commonly used passwords: choose another`,
  repeated: (field) => `${field} must not be a single character repeated`,
  email: (field) => `${field} must not be the account's email address`,
};

export const passwordMessage = (problem: PasswordProblem, field = 'password'): string => MESSAGES[problem](field);

/**
 * The password policy applied to every password that is set (a user created or changed by an admin, one's own
 * change, npm run create-admin), after NIST SP 800-63B § 3.1.1.2: a minimum length, no password from a list of
 * commonly used ones, none made of one repeated character, and not the account's own email. No composition rules.
 */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (new Set(chars).size === 1) return 'repeated';
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.trim())) return 'common';
  if (email && folded.trim() === email.trim().toLowerCase()) return 'email';
  return null;
}

/**
 * class-validator's form of the policy, for DTOs that carry the password (and perhaps the email, then compared to
 * it). A service that knows the stored email checks it again with passwordProblem.
 */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          if (typeof value !== 'string') return true; // IsString reports it
          const email = (args.object as { email?: unknown }).email;
          return passwordProblem(value, typeof email === 'string' ? email : null) === null;
        },
        defaultMessage: (args: ValidationArguments) => {
          const email = (args.object as { email?: unknown }).email;
          const problem = passwordProblem(String(args.value), typeof email === 'string' ? email : null);
          return passwordMessage(problem ?? 'common', args.property);
        },
      },
    });
  };
}
