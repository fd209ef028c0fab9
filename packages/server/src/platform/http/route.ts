import { contracts, Problem, type RouteName, type RouteResponse } from "@concordia/contracts";
import { authorize, type Decision, type Policy, type ResourceScope } from "@concordia/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { RequestContext } from "../context.js";
import { forbidden, unauthenticated } from "./problem.js";

type C<N extends RouteName> = (typeof contracts)[N];
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerInput<N extends RouteName> {
  params: C<N> extends { params: infer P } ? Infer<P> : undefined;
  query: C<N> extends { query: infer Q } ? Infer<Q> : undefined;
  body: C<N> extends { body: infer B } ? Infer<B> : undefined;
  ctx: RequestContext;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteOptions {
  /** Per-IP request limit per minute for this route (sign-in and the like). */
  rateLimitPerMinute?: number;
  /** Largest accepted body for this route, in bytes (default: the server's bodyLimit). */
  bodyLimit?: number;
}

const ERROR_CODES = [400, 401, 403, 404, 409, 413, 415, 429] as const;

/**
 * Registers a handler for one entry of the shared route table: the contract's
 * zod schemas validate the request, serialize the answer (so no field leaks)
 * and feed the OpenAPI document.
 */
export function defineRoute<N extends RouteName>(
  app: FastifyInstance,
  name: N,
  handler: (input: HandlerInput<N>) => Promise<RouteResponse<N>>,
  options: RouteOptions = {},
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
        request,
        reply,
      } as HandlerInput<N>);
      reply.code(c.success);
      return noContent ? reply.send() : result;
    },
  });
}

/** Throws 401/403 unless the policy allows the action. */
export function ensure<A extends string>(
  policy: Policy<A>,
  action: A,
  ctx: RequestContext,
  scope?: ResourceScope,
): void {
  const decision: Decision = authorize(policy, action, ctx.actor, scope);
  if (decision === "unauthenticated") throw unauthenticated();
  if (decision === "forbidden") throw forbidden();
}
