import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.org", password: "e2e admin password" };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

/**
 * Reads the newest email to `to` in the secretariat's outbox page and returns the first link in it;
 * with `path`, the newest email to `to` holding a link to that path (e.g. "/reset-password").
 */
export async function linkFromOutbox(page: Page, to: string, path?: string): Promise<string> {
  await page.goto(`/admin/outbox`);
  let mails = page.getByTestId("outbox-email").filter({ hasText: to });
  if (path) mails = mails.filter({ hasText: path });
  const mail = mails.first();
  await expect(mail).toBeVisible();
  const text = await mail.innerText();
  const link = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).find((l) => !path || l.includes(path));
  if (!link) throw new Error(`no link${path ? ` to ${path}` : ""} in the email to ${to}: ${text}`);
  return link;
}

export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
