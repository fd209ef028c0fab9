import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.js";
import { routesFor } from "../../platform/http/route.js";
import { accountRoutes } from "./accounts.routes.js";
import { listCountries } from "./countries.js";
import * as directory from "./directory.service.js";
import * as invites from "./invitations.service.js";
import * as people from "./people.service.js";

// Thin: each route hands its input to a service, which checks access (members policies in core).
export function membersRoutes(app: FastifyInstance, deps: Deps) {
  const route = routesFor(app, deps);
  accountRoutes(app, deps);

  route("listCountries", async () => ({ items: listCountries() }));

  route("listMemberStates", ({ call }) => directory.listMemberStates(call));
  route("admitMemberState", ({ params, body, call }) =>
    directory.admitMemberState(call, { code: params.code, status: body.status }),
  );
  route("removeMemberState", async ({ params, call }) => {
    await directory.removeMemberState(call, params);
    return null;
  });

  route("listOrganizations", ({ query, call }) => directory.listOrganizations(call, query));
  route("getOrganization", ({ params, call }) => directory.getOrganization(call, params));
  route("createOrganization", ({ body, call }) => directory.createOrganization(call, body));
  route("updateOrganization", ({ params, body, call }) =>
    directory.updateOrganization(call, { ...body, id: params.id }),
  );
  route("removeOrganization", async ({ params, call }) => {
    await directory.removeOrganization(call, params);
    return null;
  });
  route("listOrganizationPeople", ({ params, call }) => directory.listOrganizationPeople(call, params));

  route("listPeople", ({ query, call }) => people.listPeople(call, query));
  route("updatePerson", ({ params, body, call }) => people.updatePerson(call, { ...body, id: params.id }));
  route("grantRole", ({ body, call }) => people.grantRole(call, body));
  route("revokeRole", async ({ params, call }) => {
    await people.revokeRole(call, params);
    return null;
  });

  route("listInvitations", ({ query, call }) => invites.listInvitations(call, query));
  route("createInvitation", ({ body, call }) => invites.createInvitation(call, body));
  route("revokeInvitation", async ({ params, call }) => {
    await invites.revokeInvitation(call, params);
    return null;
  });
  route("previewInvitation", ({ params, call }) => invites.previewInvitation(call, params));
}
