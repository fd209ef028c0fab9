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

export const SessionView = z
  .object({
    user: UserView.nullable(),
    /** Send back as the x-csrf-token header on every mutating request made with the session cookie. */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: "Session" });
export type SessionView = z.infer<typeof SessionView>;

export const VerifyEmailBody = z.strictObject({ token: z.string().min(10).max(200) });
export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const PasswordResetConfirmBody = z.strictObject({ token: z.string().min(10).max(200), password: Password });

export const ApiTokenView = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .meta({ id: "ApiToken" });
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreatedApiToken = ApiTokenView.extend({
  /** The secret, shown once. Use as `Authorization: Bearer <token>`. */
  token: z.string(),
});
