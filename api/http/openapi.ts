// The OpenAPI 3.1 document, generated from the route definitions' own zod
// schemas. Built per app from the route modules it mounts.
import { extendZodWithOpenApi, OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../domain/errors';
import { ROLE_LABELS } from '../../domain/roles';
import type { RouteDefinition, RouteModule } from './define-route';
import { IDEMPOTENCY_HEADER } from './idempotency';

// Lets schemas anywhere call `.openapi(...)`; `.meta({ id })` works without it.
extendZodWithOpenApi(z);

export const ZFieldError = z
  .object({
    in: z.enum(['body', 'query', 'params', 'headers']),
    field: z.string(),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(ZFieldError).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code` (see the error catalogue on /api/docs).' });

function accessText(route: RouteDefinition): string {
  if (route.roles === 'public') return 'Access: public.';
  if (route.roles === 'authenticated') return 'Access: any logged-in person.';
  return `Access: roles ${route.roles.map((r) => `\`${r}\` (${ROLE_LABELS[r]})`).join(', ')}, within their units.`;
}

function registerRoute(registry: OpenAPIRegistry, route: RouteDefinition, tag: string): void {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of route.errors) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {
    [String(route.response.status ?? 200)]: {
      description: route.response.description ?? 'Success.',
      ...(route.response.status === 204 ? {} : { content: { [route.response.contentType ?? 'application/json']: { schema: route.response.schema } } }),
    },
  };
  for (const [status, codes] of byStatus) {
    responses[String(status)] = {
      description: codes.map((c) => `\`${c}\`: ${ERROR_CODES[c].when}`).join(' '),
      content: { 'application/problem+json': { schema: ZProblem } },
    };
  }
  const headers =
    route.idempotency === 'off'
      ? undefined
      : z.object({
          [IDEMPOTENCY_HEADER.toLowerCase()]: (route.idempotency === 'required' ? z.string() : z.string().optional()).meta({
            description: 'A unique value per intended action; a repeat replays the first response.',
          }),
        });
  registry.registerPath({
    method: route.method,
    path: route.openapiPath,
    summary: route.summary,
    description: [route.description, accessText(route)].filter(Boolean).join('\n\n'),
    tags: route.tags ?? [tag],
    security: route.roles === 'public' ? [] : [{ bearerAuth: [] }],
    request: {
      params: route.request?.params,
      query: route.request?.query,
      headers,
      body: route.request?.body ? { required: true, content: { 'application/json': { schema: route.request.body } } } : undefined,
    },
    responses,
  });
}

export function buildOpenApiDocument(modules: readonly RouteModule[], info: { version: string }): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token from POST /api/auth/login.',
  });
  registry.register('Problem', ZProblem);
  for (const mod of modules) for (const route of mod.routes) registerRoute(registry, route, mod.tag);
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: '社区治理 API',
      version: info.version,
      description: 'Community governance processes: party-building projects, dual-direction reporting, three-level mediation.',
    },
    servers: [{ url: '/' }],
    tags: modules.map((m) => ({ name: m.tag, description: m.description })),
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
