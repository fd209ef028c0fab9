import { MEMBERSHIP_STATUSES, ROLES, STAKEHOLDER_TYPES, UN_LANGUAGES } from "@concordia/core";
import { z } from "zod";
import { Password, PersonName } from "./auth.js";
import { Email, Id, PageQuery, page, Timestamp } from "./common.js";

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code in capitals, e.g. FR");

export const LocalizedNames = z.object(
  Object.fromEntries(UN_LANGUAGES.map((l) => [l, z.string()])) as {
    [K in (typeof UN_LANGUAGES)[number]]: z.ZodString;
  },
);

export const CountryView = z.object({ code: CountryCode, names: LocalizedNames }).meta({ id: "Country" });

export const MemberStateView = z
  .object({
    code: CountryCode,
    names: LocalizedNames,
    status: z.enum(MEMBERSHIP_STATUSES),
    admittedAt: Timestamp,
    /** Leaf index of the latest decision about this state in the transparency log. */
    logIndex: z.number().int().nullable(),
  })
  .meta({ id: "MemberState" });
/** The member states, and what the caller may do with them. */
export const MemberStateList = z.object({
  items: z.array(MemberStateView),
  can: z.object({ admit: z.boolean(), remove: z.boolean() }),
});
export const AdmitMemberStateBody = z.strictObject({ status: z.enum(MEMBERSHIP_STATUSES) });
export const CountryParams = z.strictObject({ code: CountryCode });

const Url = z.url({ protocol: /^https?$/ }).max(2000);

export const OrganizationView = z
  .object({
    id: Id,
    name: z.string(),
    type: z.enum(STAKEHOLDER_TYPES),
    countryCode: CountryCode.nullable(),
    status: z.enum(MEMBERSHIP_STATUSES),
    website: z.string().nullable(),
    description: z.string(),
    peopleCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** What the caller may do with this organization (from the members policy). */
    can: z.object({ update: z.boolean(), remove: z.boolean(), listPeople: z.boolean() }),
  })
  .meta({ id: "Organization" });
export type OrganizationView = z.infer<typeof OrganizationView>;

export const CreateOrganizationBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  type: z.enum(STAKEHOLDER_TYPES),
  countryCode: CountryCode.nullable().default(null),
  status: z.enum(MEMBERSHIP_STATUSES).default("observer"),
  website: Url.nullable().default(null),
  description: z.string().max(5000).default(""),
});
export const UpdateOrganizationBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    type: z.enum(STAKEHOLDER_TYPES),
    countryCode: CountryCode.nullable(),
    status: z.enum(MEMBERSHIP_STATUSES),
    website: Url.nullable(),
    description: z.string().max(5000),
  })
  .partial();

export const OrganizationListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.enum(STAKEHOLDER_TYPES).optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  country: CountryCode.optional(),
});
export const OrganizationPage = page(OrganizationView);

export const OrganizationPersonView = z.object({
  membershipId: Id,
  userId: Id,
  name: z.string(),
  role: z.enum(ROLES),
});

export const PersonView = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    disabled: z.boolean(),
    createdAt: Timestamp,
    roles: z.array(
      z.object({ membershipId: Id, role: z.enum(ROLES), organizationId: Id, organizationName: z.string() }),
    ),
  })
  .meta({ id: "Person" });
export const PeopleListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  organizationId: Id.optional(),
});
export const PeoplePage = page(PersonView).extend({
  /** What the caller may do with the people listed. */
  can: z.object({ update: z.boolean(), grantRole: z.boolean(), revokeRole: z.boolean() }),
});
export const UpdatePersonBody = z.strictObject({ disabled: z.boolean().optional(), name: PersonName.optional() });

export const GrantRoleBody = z.strictObject({ userId: Id, organizationId: Id, role: z.enum(ROLES) });

export const InvitationView = z
  .object({
    id: Id,
    email: z.string(),
    organizationId: Id,
    organizationName: z.string(),
    role: z.enum(ROLES),
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
    invitedBy: z.string().nullable(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .meta({ id: "Invitation" });
export const CreateInvitationBody = z.strictObject({ email: Email, organizationId: Id, role: z.enum(ROLES) });
export const InvitationListQuery = PageQuery.extend({
  status: z.enum(["pending", "accepted", "revoked", "expired"]).optional(),
});
export const InvitationPage = page(InvitationView).extend({
  /** What the caller may do with invitations. */
  can: z.object({ create: z.boolean(), revoke: z.boolean() }),
});
export const InvitationTokenParams = z.strictObject({ token: z.string().min(10).max(200) });
export const InvitationPreview = z.object({
  email: z.string(),
  organizationName: z.string(),
  role: z.enum(ROLES),
  accountExists: z.boolean(),
  expiresAt: Timestamp,
});
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  name: PersonName.optional(),
  password: Password,
});
