import type { LogService } from "./modules/log/log.service.js";
import type { CatalogCache } from "./modules/rules/catalog.js";
import type { PlatformDeps, RequestContext } from "./platform/context.js";

/**
 * What every service needs, built once at start (server.ts). This is the composition root's
 * type: modules use it, platform/ does not (platform/ never imports a module).
 */
export interface Deps extends PlatformDeps {
  log: LogService;
  /** The current instruments, compiled, and the crosswalk graph (rebuilt when a version is published). */
  catalog: CatalogCache;
}

/**
 * How every service is called: `service(call, input)`, where `call` is the app's dependencies and
 * who is asking, and `input` one named object. The service starts with its access check
 * (`ensure(policy, action, call.ctx.actor, scope)`), runs one transaction, and throws
 * DomainErrors (core/errors) that the HTTP edge turns into problem+json and the CLI into a message.
 */
export interface Call {
  deps: Deps;
  ctx: RequestContext;
}
