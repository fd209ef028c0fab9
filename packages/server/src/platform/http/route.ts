import { contracts, Problem, type RouteName, type RouteResponse } from "@concordia/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { encode, type z } from "zod";
import type { RequestContext } from "../context.js";

type C<N extends RouteName> = (typeof contracts)[N];
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerInput<N extends RouteName, D = unknown> {
  params: C<N> extends { params: infer P } ? Infer<P> : undefined;
  query: C<N> extends { query: infer Q } ? Infer<Q> : undefined;
  body: C<N> extends { body: infer B } ? Infer<B> : undefined;
  ctx: RequestContext;
  /** The service call: the app's dependencies and who is asking (`service(call, input)`). */
  call: { deps: D; ctx: RequestContext };
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteOptions {
  /** Per-IP request limit per minute for this route (sign-in and the like). */
  rateLimitPerMinute?: number;
  /** Largest accepted body for this route, in bytes (default: the server's bodyLimit). */
  bodyLimit?: number;
}

// 503: the database is away (problem.ts), or a route says it cannot serve (health).
const ERROR_CODES = [400, 401, 403, 404, 409, 413, 415, 429, 503] as const;

/**
 * Registers a handler for one entry of the shared route table: the contract's
 * zod schemas validate the request, serialize the answer (so no field leaks)
 * and feed the OpenAPI document.
 */
export function defineRoute<N extends RouteName, D = unknown>(
  app: FastifyInstance,
  name: N,
  handler: (input: HandlerInput<N, D>) => Promise<RouteResponse<N>>,
  options: RouteOptions = {},
  deps?: D,
) {
  const c = contracts[name] as C<N> & { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  const noContent = c.success === 204 || c.success === 202;
  const response: Record<number, z.ZodType> = {};
  if (!noContent) response[c.success] = c.response;
  for (const code of ERROR_CODES) response[code] = Problem;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: c.method,
    url: c.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      operationId: name,
      summary: c.summary,
      tags: [...c.tags],
      ...(c.params ? { params: c.params } : {}),
      ...(c.query ? { querystring: c.query } : {}),
      ...(c.body ? { body: c.body } : {}),
      response,
    },
    config: options.rateLimitPerMinute
      ? { rateLimit: { max: options.rateLimitPerMinute, timeWindow: "1 minute" } }
      : { rateLimit: false },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params,
        query: request.query,
        body: request.body,
        ctx: request.ctx,
        call: { deps: deps as D, ctx: request.ctx },
        request,
        reply,
      } as HandlerInput<N, D>);
      if (reply.sent) return reply;
      // A handler may choose another status than the contract's success code for a body of the
      // contract's shape (health: 503 while the database is down): keep its status, and serialize
      // that body with the contract's schema (the route's 503 schema is the problem's).
      if (reply.statusCode !== 200 && reply.statusCode !== c.success) {
        if (!noContent) reply.serializer((payload) => JSON.stringify(encode(c.response, payload as never)));
        return result;
      }
      reply.code(c.success);
      return noContent ? reply.send() : result;
    },
  });
}

/**
 * The route registrar of one module: `const route = routesFor(app, deps)`, then
 * `route("createSystem", ({ body, call }) => systems.createSystem(call, body))`.
 */
export function routesFor<D>(app: FastifyInstance, deps: D) {
  return <N extends RouteName>(
    name: N,
    handler: (input: HandlerInput<N, D>) => Promise<RouteResponse<N>>,
    options: RouteOptions = {},
  ) => defineRoute<N, D>(app, name, handler, options, deps);
}
