import { parseResponseBody, responseHash } from './response-body';
import { RESPONSE_BODY_SCHEMA, RESPONSE_FIELDS } from './submit-response.contract';

describe(parseResponseBody.name, () => {
  it('takes a well-formed body', () => {
    expect(parseResponseBody({ language: 'ar', version: 2, answers: [], website: '' })).toEqual({
      kind: 'body',
      body: { language: 'ar', version: 2, answers: [] },
    });
  });

  it('spots a bot by the honeypot before anything else', () => {
    expect(parseResponseBody({ website: 'http://spam.example', extra: true })).toEqual({ kind: 'bot' });
  });

  it('names every field that is wrong or unknown', () => {
    const parsed = parseResponseBody({ language: 7, version: 0, answers: {}, extra: 1 });
    expect(parsed.kind === 'invalid' && parsed.problems.map((p) => p.field)).toEqual(['extra', 'language', 'version', 'answers']);
  });

  it.each<[string, object]>([
    ['a blank language', { language: '  ', version: 1, answers: [] }],
    ["a language over the schema's maxLength", { language: 'x'.repeat(RESPONSE_FIELDS.language.maxLength! + 1), version: 1, answers: [] }],
  ])('refuses %s', (_case, raw) => {
    const parsed = parseResponseBody(raw);
    expect(parsed).toEqual({ kind: 'invalid', problems: [{ field: 'language', key: 'language' }], language: undefined });
  });

  it('reads its fields from the schema the OpenAPI document is built from: each required one, named when absent', () => {
    const parsed = parseResponseBody({});
    expect(parsed.kind === 'invalid' && parsed.problems.map((p) => p.field)).toEqual(RESPONSE_BODY_SCHEMA.required);
    expect(parseResponseBody({ language: 'fr', version: 1, answers: [], website: null }).kind).toBe('body');
  });

  it.each([null, [], 'text', 3])('refuses a body that is not an object: %p', (raw) => {
    expect(parseResponseBody(raw)).toEqual({ kind: 'invalid', problems: [{ field: 'body', key: 'body' }] });
  });
});

describe(responseHash.name, () => {
  const body = {
    language: 'fr',
    version: 1,
    answers: [
      { questionId: 'b', value: 1 },
      { questionId: 'a', value: ['x', 'y'] },
    ],
  };

  it('does not depend on the order of the answers', () => {
    expect(responseHash({ ...body, answers: [...body.answers].reverse() })).toBe(responseHash(body));
  });

  it('changes with the language, the version or any value', () => {
    const hash = responseHash(body);
    expect(responseHash({ ...body, language: 'en' })).not.toBe(hash);
    expect(responseHash({ ...body, version: 2 })).not.toBe(hash);
    expect(responseHash({ ...body, answers: [{ questionId: 'b', value: 2 }, body.answers[1]] })).not.toBe(hash);
  });
});
