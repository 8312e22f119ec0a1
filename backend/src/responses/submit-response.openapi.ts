import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import {
  ANSWER_SCHEMA,
  IDEMPOTENCY_KEY_HEADER,
  RECEIPT_SCHEMA,
  Refusal,
  RESPONSE_BODY_LIMIT,
  RESPONSE_BODY_SCHEMA,
  RESPONSE_MEDIA_TYPE,
  SUBMIT_RESPONSE_PATH,
  SUBMIT_RESPONSE_REFUSALS,
} from './submit-response.contract';

// Nest documents the routes it serves from their decorators; the residents' ingest is served ahead of Nest
// (direct-ingest.ts), so its operation is built here from the same definitions the route runs on.

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

const SCHEMAS: Record<string, SchemaObject> = {
  SubmittedResponse: {
    ...RESPONSE_BODY_SCHEMA,
    properties: {
      ...RESPONSE_BODY_SCHEMA.properties,
      answers: { ...RESPONSE_BODY_SCHEMA.properties.answers, items: ref('SubmittedAnswer') },
    },
  },
  SubmittedAnswer: ANSWER_SCHEMA,
  ResponseReceipt: RECEIPT_SCHEMA,
  AnswerFieldError: {
    type: 'object',
    required: ['field', 'message'],
    additionalProperties: false,
    properties: {
      field: {
        type: 'string',
        description: 'The field, as the request spells it: language, answers.<questionId>, answers.3.value, Idempotency-Key',
      },
      questionId: { type: 'string', format: 'uuid', description: 'The question the error concerns, when it concerns one' },
      message: { type: 'string', description: "For the resident, in their language when the questionnaire's catalogs have it" },
    },
  },
};

/** The error body (common/errors.ts) as this status answers it: its code one of the listed ones. */
function errorSchema(status: number, refusal: Refusal): SchemaObject {
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    additionalProperties: false,
    properties: {
      statusCode: { type: 'integer', enum: [status] },
      code: { type: 'string', enum: [...refusal.codes] },
      message: { type: 'string' },
      ...(status === 400 ? { errors: { type: 'array', items: ref('AnswerFieldError') } } : {}),
    },
  };
}

const json = (schema: SchemaObject | ReferenceObject) => ({ 'application/json': { schema } });

export function submitResponseOperation(): OperationObject {
  const refusals = Object.entries(SUBMIT_RESPONSE_REFUSALS).map(([status, refusal]): [string, ResponseObject] => [
    status,
    {
      description: refusal.description,
      content: json(errorSchema(Number(status), refusal)),
      ...(refusal.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(refusal.headers).map(([name, h]) => [name, { ...h, required: name === 'Retry-After' }]),
            ),
          }
        : {}),
    },
  ]);
  return structuredClone({
    operationId: 'publicQuestionnaires_submit',
    summary: "Send a resident's response",
    description:
      'Stores one response to the published questionnaire, once per Idempotency-Key: a retry with the same key and ' +
      'body answers as the first send did and stores nothing; the same key with another body is a 422. No account; limited ' +
      `per client; the body is at most ${RESPONSE_BODY_LIMIT} bytes of ${RESPONSE_MEDIA_TYPE}.`,
    tags: ['public'],
    security: [],
    parameters: [
      {
        name: 'slug',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description: 'The published questionnaire (the link its QR code encodes)',
      },
      {
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: true,
        schema: { type: 'string', format: 'uuid' },
        description: 'A UUID the phone keeps until the server acknowledges: a retry with it stores nothing twice',
      },
    ],
    requestBody: { required: true, content: { [RESPONSE_MEDIA_TYPE]: { schema: ref('SubmittedResponse') } } },
    responses: {
      201: {
        description:
          'Stored; or stored already by an earlier send of the same key and body (the same receipt again); or a filled ' +
          'honeypot (nothing stored)',
        content: json(ref('ResponseReceipt')),
      },
      ...Object.fromEntries(refusals),
    },
  } satisfies OperationObject);
}

/**
 * Adds the residents' ingest route to the API's document (common/openapi.ts calls it once Nest's routes are in). A
 * Nest handler documented at the same path and method would be a second, dead implementation: refused at start-up.
 */
export function documentSubmitResponse(document: OpenAPIObject): void {
  const item = document.paths[SUBMIT_RESPONSE_PATH] ?? {};
  if (item.post) throw new Error(`POST ${SUBMIT_RESPONSE_PATH} is served by responses/direct-ingest.ts: no Nest handler may declare it`);
  document.paths[SUBMIT_RESPONSE_PATH] = { ...item, post: submitResponseOperation() };
  // Copies: the document is the caller's to change, the definitions are not.
  document.components ??= {};
  document.components.schemas ??= {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    if (document.components.schemas[name]) throw new Error(`OpenAPI schema ${name} is defined twice`);
    document.components.schemas[name] = structuredClone(schema);
  }
}
