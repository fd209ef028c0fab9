import {
  authorize,
  type Decision,
  invitationPolicy,
  memberStatePolicy,
  organizationPolicy,
  peoplePolicy,
} from "@concordia/core";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../platform/context.js";
import { defineRoute, ensure } from "../../platform/http/route.js";
import { accountRoutes } from "./accounts.routes.js";
import { listCountries } from "./countries.js";
import * as directory from "./directory.service.js";
import * as invites from "./invitations.service.js";
import * as people from "./people.service.js";

export function membersRoutes(app: FastifyInstance, deps: Deps) {
  const db = deps.database.db;
  accountRoutes(app, deps);

  defineRoute(app, "listCountries", async () => ({ items: listCountries() }));

  defineRoute(app, "listMemberStates", async ({ ctx }) => {
    ensure(memberStatePolicy, "list", ctx);
    return directory.listMemberStates(db);
  });
  defineRoute(app, "admitMemberState", async ({ params, body, ctx }) => {
    ensure(memberStatePolicy, "admit", ctx);
    return directory.admitMemberState(deps, ctx, params.code, body.status);
  });
  defineRoute(app, "removeMemberState", async ({ params, ctx }) => {
    ensure(memberStatePolicy, "remove", ctx);
    await directory.removeMemberState(deps, ctx, params.code);
    return null;
  });

  defineRoute(app, "listOrganizations", async ({ query, ctx }) => {
    ensure(organizationPolicy, "list", ctx);
    return directory.listOrganizations(db, query);
  });
  defineRoute(app, "getOrganization", async ({ params, ctx }) => {
    ensure(organizationPolicy, "read", ctx);
    return directory.getOrganization(db, params.id);
  });
  defineRoute(app, "createOrganization", async ({ body, ctx }) => {
    ensure(organizationPolicy, "create", ctx);
    return directory.createOrganization(db, ctx, body);
  });
  defineRoute(app, "updateOrganization", async ({ params, body, ctx }) => {
    ensure(organizationPolicy, "update", ctx, { organizationId: params.id });
    const canChangeStatus: Decision = authorize(organizationPolicy, "create", ctx.actor);
    return directory.updateOrganization(db, ctx, params.id, body, canChangeStatus === "allow");
  });
  defineRoute(app, "removeOrganization", async ({ params, ctx }) => {
    ensure(organizationPolicy, "remove", ctx);
    await directory.removeOrganization(db, ctx, params.id);
    return null;
  });
  defineRoute(app, "listOrganizationPeople", async ({ params, ctx }) => {
    ensure(organizationPolicy, "listPeople", ctx);
    return directory.listOrganizationPeople(db, params.id);
  });

  defineRoute(app, "listPeople", async ({ query, ctx }) => {
    ensure(peoplePolicy, "list", ctx);
    return people.listPeople(db, query);
  });
  defineRoute(app, "updatePerson", async ({ params, body, ctx }) => {
    ensure(peoplePolicy, "update", ctx);
    return people.updatePerson(db, ctx, params.id, body);
  });
  defineRoute(app, "grantRole", async ({ body, ctx }) => {
    ensure(peoplePolicy, "grantRole", ctx);
    return people.grantRole(db, ctx, body);
  });
  defineRoute(app, "revokeRole", async ({ params, ctx }) => {
    ensure(peoplePolicy, "revokeRole", ctx);
    await people.revokeRole(db, ctx, params.id);
    return null;
  });

  defineRoute(app, "listInvitations", async ({ query, ctx }) => {
    ensure(invitationPolicy, "list", ctx);
    return invites.listInvitations(db, query);
  });
  defineRoute(app, "createInvitation", async ({ body, ctx }) => {
    ensure(invitationPolicy, "create", ctx);
    return invites.createInvitation(deps, ctx, body);
  });
  defineRoute(app, "revokeInvitation", async ({ params, ctx }) => {
    ensure(invitationPolicy, "revoke", ctx);
    await invites.revokeInvitation(db, ctx, params.id);
    return null;
  });
  defineRoute(app, "previewInvitation", async ({ params }) => invites.previewInvitation(db, params.token));
}
