/**
 * Every `code` an API error body can carry (`{ statusCode, code, message, errors? }`). The backend's ApiError only takes
 * one of these, so a new code fails the build until it is added here; the web app words each one in the user's
 * language (frontend/src/i18n: `errors.codes.<code>`, checked by frontend/src/lib/api-errors.spec.ts). A code's
 * meaning never changes: programs switch on it.
 */
export const ERROR_CODES = [
  // Bare HTTP statuses (common/all-exceptions.filter.ts) and what any route can answer
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'too_many_requests',
  'internal_error',
  'unavailable',
  'error',
  // Input
  'validation_failed',
  'invalid_body',
  'invalid_encoding',
  'invalid_value',
  'invalid_id',
  'invalid_reference',
  'already_exists',
  'still_referenced',
  'archived',
  'has_indicators',
  // Accounts and sessions
  'invalid_credentials',
  'session_revoked',
  'account_deactivated',
  'password_change_required',
  'current_password_wrong',
  'password_unchanged',
  'password_too_short',
  'password_common',
  'password_repeated',
  'password_email',
  'last_admin',
  'invitation_not_found',
  'invitation_used',
  'invitation_expired',
  // Questionnaires and responses
  'not_open',
  'closed',
  'not_published',
  'invalid_response',
  'idempotency_key_required',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'export_too_large',
  // Participation counts
  'has_history',
  // Imports
  'empty_file',
  'too_large',
  'import_in_progress',
  'import_not_ready',
  'import_settled',
  // Evaluations and reports
  'evaluation_already_open',
  'evaluation_freezing',
  'evaluation_closed',
  'report_not_ready',
  'queue_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The codes of field problems the web app words itself (`errors.fields.<code>`): the validation rule a field broke, as
 * the validation pipe names it (class-validator's constraint). A field problem with another code, or none, is shown
 * with the API's own message.
 */
export const FIELD_ERROR_CODES = [
  'isNotEmpty',
  'isDefined',
  'maxLength',
  'minLength',
  'isEmail',
  'isIn',
  'isEnum',
  'isUuid',
  'isInt',
  'isNumber',
  'min',
  'max',
  'isString',
  'isBoolean',
  'matches',
  'isUrl',
  'whitelistValidation',
  'arrayMaxSize',
  'arrayMinSize',
  'arrayNotEmpty',
  'isDateOnly',
  'isTimeZone',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export function isFieldErrorCode(code: string): code is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(code);
}
