import { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC, ROLES_KEY } from '@backend/auth/auth.decorators';
import { documentSubmitResponse } from '@backend/responses/submit-response.openapi';
import { ErrorBodyDto } from './error.response';

/** The scheme every staff route names: the token POST /api/auth/login answers. */
export const BEARER = 'bearer';

const TAGS: [string, string][] = [
  ['auth', "Signing in and one's own account"],
  ['users', 'Staff accounts (admins)'],
  ['organizations', 'The directory of organizations'],
  ['plans', 'Plans and their parts: orientations, objectives, actions, expected results'],
  ['indicators', 'Indicators, their instruments, manual values, series and progress'],
  ['work-cells', 'Work cells, their steps and partnerships'],
  ['questionnaires', 'Authoring and publishing questionnaires'],
  ['public', 'What residents reach without an account'],
  ['responses', "Residents' stored responses"],
  ['participation-counts', 'Counts of participants at activities'],
  ['evaluations', "Mid-term and final evaluations, frozen snapshots, the committee's assessments"],
  ['reports', 'Evaluation and activity reports (PDF, XLSX, CSV)'],
  ['imports', 'Importing plans, work cells and responses from files'],
  ['history', 'The audit trail of staff changes'],
  ['service', 'Health and background queues'],
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field',
  401: 'No valid bearer token',
  403: 'The role (or organization) may not',
  404: 'Not found',
};

/**
 * The OpenAPI document of the API, as served at /api/docs-json and written to openapi.json (npm run openapi).
 * `app` may be a preview application (NestFactory.create(…, { preview: true })): only metadata is read.
 */
export function buildOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Repère API')
    .setDescription(
      'Plans, indicators, questionnaires and evaluations of social-development action plans. ' +
        'Every error answers the same body (ErrorBody): a stable `code` for programs, a `message` for people.',
    )
    .setVersion('0.1.0')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer(publicUrl, 'This deployment (paths start with /api)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken of POST /api/auth/login' }, BEARER);
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ErrorBodyDto],
    // plans_list, plans_get…: readable method names for a generated client, unique across controllers.
    operationIdFactory: (controller, method) => operationId(controller, method),
  });
  document.security = [{ [BEARER]: [] }];
  addCommonErrors(document, rolesByOperation(app));
  documentSubmitResponse(document); // served ahead of Nest (responses/direct-ingest.ts): documented from its own definition
  return document;
}

/** Serves the document at /api/docs (the UI) and /api/docs-json. */
export function setupOpenApi(app: INestApplication, publicUrl: string): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, publicUrl), { jsonDocumentUrl: 'api/docs-json' });
}

/** `PlansController.list` → `plans_list`: the controller's noun keeps ids unique across controllers. */
function operationId(controller: string, method: string): string {
  const noun = controller.replace(/Controller$/, '');
  return `${noun.charAt(0).toLowerCase()}${noun.slice(1)}_${method}`;
}

interface OperationAccess {
  isPublic: boolean;
  roles: string[] | null;
}

/** Who may call each operation, read from the @Public and @Roles metadata, keyed by operationId. */
function rolesByOperation(app: INestApplication): Map<string, OperationAccess> {
  const access = new Map<string, OperationAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type || Reflect.getMetadata(PATH_METADATA, type) === undefined) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const pick = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type);
        access.set(operationId(type.name, method), {
          isPublic: pick<boolean>(IS_PUBLIC) === true,
          roles: pick<string[]>(ROLES_KEY) ?? null,
        });
      }
    }
  }
  return access;
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

/**
 * The errors every route shares, added where they apply so that no controller has to repeat them: 400 where there is
 * input to validate, 401 and the bearer scheme unless public, 403 where @Roles narrows the staff, 404 where a path names
 * a record. Route-specific errors (409, 410, 422…) are declared beside their route with ApiErrorResponse.
 */
function addCommonErrors(document: OpenAPIObject, access: Map<string, OperationAccess>): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (!op) continue;
      const who = access.get(op.operationId ?? '');
      if (!who) throw new Error(`OpenAPI: operation ${op.operationId} matches no controller method: its access cannot be documented`);
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as {
        in?: string;
        name?: string;
        schema?: { format?: string };
      }[];
      // Ids are UUIDs (API.md), checked by UuidParam: a path's id is documented as one.
      for (const p of params) if (p.in === 'path' && /^(id|\w+Id)$/.test(p.name ?? '') && p.schema) p.schema.format = 'uuid';
      const add = (status: number) => {
        op.responses[status] ??= { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ERROR_REF } } };
      };
      if (params.length > 0 || op.requestBody) add(400);
      if (who.isPublic) {
        op.security = []; // explicitly none: the document's default is the bearer scheme
      } else {
        op.security = [{ [BEARER]: [] }];
        add(401);
        if (who.roles) add(403);
      }
      if (params.some((p) => p.in === 'path')) add(404);
      op.responses = sortByStatus(op.responses);
    }
  }
}

function sortByStatus<T extends object>(responses: T): T {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))) as T;
}
