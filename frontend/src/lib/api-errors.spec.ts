import { describe, expect, it } from '@jest/globals';
import i18next, { type TFunction } from 'i18next';
import { ERROR_CODES, FIELD_ERROR_CODES } from '@repere/contract';
import en from '@/i18n/en.json';
import fr from '@/i18n/fr.json';
import { ApiError, NETWORK_ERROR_CODE } from '@/lib/api-client';
import { apiErrorMessage, fieldErrorMessage } from '@/lib/api-errors';

async function translator(language: 'fr' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

describe('api-errors', () => {
  // The list every code the API can send comes from: the backend's ApiError only accepts these.
  it.each([
    ['fr', fr],
    ['en', en],
  ] as const)('words every error code and every field rule the API can send in %s', (_, messages) => {
    // Arrange
    const codes = messages.errors.codes as Record<string, string>;
    const fields = messages.errors.fields as Record<string, string>;
    // Act
    const missing = [...ERROR_CODES.filter((code) => !codes[code]?.trim()), ...FIELD_ERROR_CODES.filter((code) => !fields[code]?.trim())];
    // Assert
    expect(missing).toEqual([]);
  });

  it('says a refused sign-in in the UI language, not the API’s English', async () => {
    // Arrange
    const error = new ApiError({ statusCode: 401, code: 'invalid_credentials', message: 'Email or password is incorrect.' });
    // Act
    const french = apiErrorMessage(error, await translator('fr'), 'fr');
    const english = apiErrorMessage(error, await translator('en'), 'en');
    // Assert
    expect(french).toBe('Adresse courriel ou mot de passe incorrect.');
    expect(english).toBe('Email or password is incorrect.');
  });

  it('says a taken questionnaire link with the link itself', async () => {
    // Arrange
    const message = '« bienvenue-parc-ex » is already the link of another questionnaire';
    const error = new ApiError({
      statusCode: 409,
      code: 'already_exists',
      message: `slug: ${message}`,
      errors: [{ field: 'slug', message }],
    });
    const t = await translator('fr');
    // Act / Assert
    expect(apiErrorMessage(error, t, 'fr')).toBe("« bienvenue-parc-ex » est déjà le lien d'un autre questionnaire.");
    expect(fieldErrorMessage(error.errors[0]!, t, error.code)).toBe("« bienvenue-parc-ex » est déjà le lien d'un autre questionnaire.");
  });

  it('says which question already asks about a dimension of the ADS+ block', async () => {
    // Arrange
    const message = 'question 3 already asks about gender';
    const error = new ApiError({
      statusCode: 409,
      code: 'already_exists',
      message: `dimension gender: ${message}`,
      errors: [{ field: 'questions.2.dimension', message }],
    });
    // Act / Assert
    expect(fieldErrorMessage(error.errors[0]!, await translator('fr'), error.code)).toBe('La question 3 porte déjà sur : genre.');
  });

  it('words a field’s problem from its rule, with the limit the API named', async () => {
    // Arrange
    const error = new ApiError({
      statusCode: 400,
      code: 'validation_failed',
      message: 'title must be shorter than or equal to 200 characters',
      errors: [{ field: 'title', message: 'title must be shorter than or equal to 200 characters', code: 'maxLength' }],
    });
    const t = await translator('fr');
    // Act
    const field = fieldErrorMessage(error.errors[0]!, t, error.code);
    const whole = apiErrorMessage(error, t, 'fr');
    // Assert
    expect(field).toBe('Ce texte est trop long (au plus 200 caractères).');
    expect(whole).toBe(
      'Certaines valeurs ne sont pas valides : vérifiez les champs signalés. title : Ce texte est trop long (au plus 200 caractères).',
    );
  });

  it('words a field problem by the error’s own code when the field has no rule (a password too short)', async () => {
    // Arrange
    const message = 'newPassword must be longer than or equal to 10 characters';
    const error = new ApiError({ statusCode: 400, code: 'password_too_short', message, errors: [{ field: 'newPassword', message }] });
    // Act / Assert
    expect(fieldErrorMessage(error.errors[0]!, await translator('en'), error.code)).toBe(
      'The password must be at least 10 characters long.',
    );
  });

  it('falls back to the API’s message for a code it does not know, and words network failures', async () => {
    // Arrange
    const t = await translator('fr');
    const unknown = new ApiError({ statusCode: 418, code: 'teapot', message: 'I am a teapot' });
    const network = new ApiError({ statusCode: 0, code: NETWORK_ERROR_CODE, message: '' });
    // Act / Assert
    expect(apiErrorMessage(unknown, t, 'fr')).toBe('I am a teapot');
    expect(apiErrorMessage(network, t, 'fr')).toBe(fr.errors.network);
    expect(apiErrorMessage(new Error('boom'), t, 'fr')).toBe(fr.errors.unknown);
  });
});
