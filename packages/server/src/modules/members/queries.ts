// The members module's query face: what other modules may ask about organizations and people.
// They never read the members' (or the accounts') tables themselves.
import { eq, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { users } from "../../platform/auth/tables.js";
import { organizations } from "./tables.js";

/** The organization's name, or undefined when there is none with this id. */
export async function organizationName(db: Db | Tx, organizationId: string): Promise<string | undefined> {
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return org?.name;
}

/** What exports say about a provider: its name and website. */
export async function organizationProfile(
  db: Db | Tx,
  organizationId: string,
): Promise<{ name: string; website: string | null } | undefined> {
  const [org] = await db
    .select({ name: organizations.name, website: organizations.website })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return org;
}

/** An organization's name as an SQL expression over an id column, for another module's own statement. */
export const organizationNameSql = (organizationId: unknown): SQL =>
  sql`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${organizationId})`;

/** A person's display name as an SQL expression over a user-id column (null for a removed account). */
export const userNameSql = (userId: unknown): SQL =>
  sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${userId})`;

/** The account with this email address (compared in lower case), if there is one. */
export async function userByEmail(db: Db | Tx, email: string) {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return u;
}

/** A person's display name. */
export async function userName(db: Db | Tx, userId: string): Promise<string | undefined> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name;
}

/** Countries (ISO 3166-1 alpha-2) and their names in the six UN languages. */
export { countryNames, isCountry, type LocalizedNames } from "./countries.js";
