import type { OpenAPIObject } from '@nestjs/swagger';
import { RESPONSE_BODY_SCHEMA, SUBMIT_RESPONSE_PATH, SUBMIT_RESPONSE_REFUSALS } from './submit-response.contract';
import { documentSubmitResponse } from './submit-response.openapi';

const emptyDocument = (): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 'test', version: '0' }, paths: {} });

describe(documentSubmitResponse.name, () => {
  it('adds the operation, public, with the success and every refusal of the contract', () => {
    // Arrange
    const document = emptyDocument();
    // Act
    documentSubmitResponse(document);
    // Assert
    const op = document.paths[SUBMIT_RESPONSE_PATH].post!;
    expect(op.security).toEqual([]);
    expect(Object.keys(op.responses)).toEqual(['201', ...Object.keys(SUBMIT_RESPONSE_REFUSALS)]);
    expect(document.components?.schemas?.SubmittedResponse).toMatchObject({
      required: RESPONSE_BODY_SCHEMA.required,
      additionalProperties: false,
    });
  });

  it('documents each refusal with its codes and no other', () => {
    const document = emptyDocument();
    documentSubmitResponse(document);
    const responses = document.paths[SUBMIT_RESPONSE_PATH].post!.responses;
    for (const [status, refusal] of Object.entries(SUBMIT_RESPONSE_REFUSALS)) {
      expect(responses[status]).toMatchObject({
        content: {
          'application/json': { schema: { properties: { statusCode: { enum: [Number(status)] }, code: { enum: refusal.codes } } } },
        },
      });
    }
  });

  it('refuses a document where a Nest handler already declares the route: it would be a second, dead implementation', () => {
    const document = emptyDocument();
    document.paths[SUBMIT_RESPONSE_PATH] = { post: { responses: {} } };
    expect(() => documentSubmitResponse(document)).toThrow(/direct-ingest/);
  });

  it('gives the document copies: changing it leaves the definitions as they are', () => {
    const document = emptyDocument();
    documentSubmitResponse(document);
    (document.components!.schemas!.SubmittedResponse as { required: string[] }).required.push('extra');
    expect(RESPONSE_BODY_SCHEMA.required).not.toContain('extra');
  });
});
