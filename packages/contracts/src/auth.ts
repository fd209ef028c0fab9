import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from "@concordia/core";
import { z } from "zod";
import { Email, Id, Timestamp } from "./common.js";

export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const PersonName = z.string().trim().min(1).max(200);

export const RoleGrantView = z.object({
  membershipId: Id,
  role: z.enum(ROLES),
  organizationId: Id,
  organizationName: z.string(),
});

export const UserView = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    disabled: z.boolean(),
    createdAt: Timestamp,
    roles: z.array(RoleGrantView),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof UserView>;

export const SignUpBody = z.strictObject({ email: Email, password: Password, name: PersonName });
export const SignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

/** The caller's global abilities, from the policy tables: which areas the web offers. */
export const SessionAbilities = z
  .object({
    /** The admin area: the audit trail and the outbox. */
    admin: z.boolean(),
    createOrganization: z.boolean(),
    managePeople: z.boolean(),
    invite: z.boolean(),
    admitMemberStates: z.boolean(),
    notarize: z.boolean(),
    publishInstruments: z.boolean(),
    reviewSystems: z.boolean(),
  })
  .meta({ id: "SessionAbilities" });
export type SessionAbilities = z.infer<typeof SessionAbilities>;

export const SessionView = z
  .object({
    user: UserView.nullable(),
    /** Send back as the x-csrf-token header on every mutating request made with the session cookie. */
    csrfToken: z.string().nullable(),
    can: SessionAbilities,
  })
  .meta({ id: "Session" });
export type SessionView = z.infer<typeof SessionView>;

/** The public's abilities and session: what the web shows before (or after) signing in. */
export const NO_ABILITIES: SessionAbilities = Object.freeze({
  admin: false,
  createOrganization: false,
  managePeople: false,
  invite: false,
  admitMemberStates: false,
  notarize: false,
  publishInstruments: false,
  reviewSystems: false,
});
export const SIGNED_OUT_SESSION: SessionView = Object.freeze({ user: null, csrfToken: null, can: NO_ABILITIES });

export const VerifyEmailBody = z.strictObject({ token: z.string().min(10).max(200) });
export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const PasswordResetConfirmBody = z.strictObject({ token: z.string().min(10).max(200), password: Password });

/**
 * What an API token may do: `read` allows GET/HEAD/OPTIONS, `write` every other method (the
 * server checks it centrally, by method; 403 naming the missing scope). Both by default.
 */
export const TOKEN_SCOPES = ["read", "write"] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScope>;

export const ApiTokenView = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(TokenScope),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: "ApiToken" });
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Default `["read", "write"]`, what every token could do before scopes existed (existing clients keep working). */
  scopes: z
    .array(TokenScope)
    .min(1)
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, "each scope at most once")
    .optional(),
});
export const CreatedApiToken = ApiTokenView.extend({
  /** The secret, shown once. Use as `Authorization: Bearer <token>`. */
  token: z.string(),
});
