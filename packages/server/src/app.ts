import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Deps } from "./deps.js";
import { MODULES } from "./modules/index.js";
import { adminRoutes } from "./platform/admin/routes.js";
import { authPlugin } from "./platform/auth/plugin.js";
import { postgresRateLimitStore } from "./platform/auth/rate-limit.js";
import { errorHandler, sendProblem } from "./platform/http/problem.js";

export interface AppOptions {
  /** pino logger options, or false for none (tests, benchmarks). */
  logger?: boolean | { level: string };
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimit,
    // A hop count as a function, so the client is the address the outermost trusted hop saw (config.ts parseTrustProxy).
    trustProxy: ((t) => (typeof t === "number" ? (_address: string, hop: number) => hop < t : t))(
      deps.config.trustProxy,
    ),
    requestIdHeader: "x-request-id",
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight, which we never grant.
  app.removeContentTypeParser("text/plain");

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.database.db) });
  await app.register(authPlugin, { db: deps.database.db });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Concordia API",
        version: "0.1.0",
        description:
          "API of the Concordia platform. Errors are RFC 9457 problem+json. Machine clients authenticate with `Authorization: Bearer <token>`; browser sessions send the CSRF token in `x-csrf-token` on mutating requests.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "concordia_session" },
        },
      },
      security: [{}, { bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    adminRoutes(api, deps);
    for (const module of MODULES) module.routes(api, deps);
  });

  const webDist = deps.config.webDist;
  const haveWeb = existsSync(`${webDist}/index.html`);
  if (haveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite names assets by content hash, so they never change: cache them for a year.
        res.setHeader(
          "cache-control",
          filePath.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  if (haveWeb) {
    // The wildcard static route would answer "/" as a directory listing (403): the home page is the app.
    app.get("/", { schema: { hide: true } }, (_request, reply) =>
      reply.header("cache-control", "no-cache").sendFile("index.html"),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (haveWeb && request.method === "GET" && !path.startsWith("/api/")) {
      // Single-page app: every other page is rendered in the browser.
      if (path.startsWith("/assets/")) return sendProblem(reply, request, 404, "Not found", `${path} does not exist.`);
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendProblem(reply, request, 404, "Not found", `${request.method} ${path} does not exist.`);
  });
  return app;
}
