import { MEMBERSHIP_STATUSES, STAKEHOLDER_TYPES } from "@concordia/core";
import { createRoute } from "@tanstack/react-router";
import { defineModule } from "../../app/module";
import { oneOf, pageNumber, searchOf, text } from "../../app/search";
import { MembersPage } from "./MembersPage";
import { OrganizationPage } from "./OrganizationPage";

/** The public directory of member states and organizations. */
export const membersModule = defineModule({
  name: "members",
  routes: (p) => [
    createRoute({
      getParentRoute: () => p.root,
      path: "members",
      component: MembersPage,
      validateSearch: searchOf((s) => ({
        q: text(s.q),
        type: oneOf(STAKEHOLDER_TYPES, s.type),
        status: oneOf(MEMBERSHIP_STATUSES, s.status),
        country: text(s.country),
        page: pageNumber(s.page),
      })),
    }),
    createRoute({ getParentRoute: () => p.root, path: "members/organizations/$id", component: OrganizationPage }),
  ],
  nav: [{ to: "/members", labelKey: "nav.members", order: 10 }],
  homeCards: [
    {
      order: 10,
      titleKey: "home.cards.members.title",
      bodyKey: "home.cards.members.body",
      links: [{ to: "/members", labelKey: "home.cards.members.link", testId: "home-members" }],
    },
  ],
});
