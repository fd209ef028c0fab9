import { expect, test } from "@playwright/test";
import { ADMIN, linkFromOutbox, signIn, unique } from "./helpers";

test("the secretariat invites a delegate, who joins and sees the role", async ({ page, browser }) => {
  const orgName = unique("Ministry of Digital Affairs");
  const email = `${unique("delegate")}@example.org`;

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/organizations");
  const orgForm = page.getByTestId("create-organization-form");
  await orgForm.getByLabel("Name").fill(orgName);
  await orgForm.getByLabel("Type").selectOption("government_agency");
  await orgForm.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("org-row").filter({ hasText: orgName })).toBeVisible();

  await page.goto("/admin/invitations");
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Organization").selectOption({ label: orgName });
  await invite.getByLabel("Role").selectOption("member_delegate");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Pending");

  const link = await linkFromOutbox(page, email);
  expect(link).toContain("/invite/");

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText(orgName).first()).toBeVisible();
  const form = invitee.getByTestId("accept-invitation-form");
  await form.getByLabel("Name").fill("Amina Delegate");
  await form.getByLabel("Password").fill("a delegate's passphrase");
  await form.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(invitee).toHaveURL(/\/workspace/);
  await expect(invitee.getByTestId("user-menu")).toContainText("Amina Delegate");
  await expect(invitee.getByText("Member delegate").first()).toBeVisible();
  await expect(invitee.getByText(orgName).first()).toBeVisible();
  await context.close();

  // Back in the secretariat: the invitation is used, and the audit trail says who did what.
  await page.goto("/admin/invitations");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Accepted");
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: "invitation.accept" }).first()).toBeVisible();
});

test("an invitation to a never-confirmed account is accepted only after taking the account over", async ({
  page,
  browser,
}) => {
  const orgName = unique("Office of Standards");
  const email = `${unique("takeover")}@example.org`;

  // Someone (perhaps not the address's owner) signs up with the address and never confirms it.
  const squatter = await browser.newContext();
  const squatterPage = await squatter.newPage();
  await squatterPage.goto("/sign-up");
  await squatterPage.getByLabel("Name").fill("Not The Owner");
  await squatterPage.getByLabel("Email").fill(email);
  await squatterPage.getByLabel("Password").fill("the squatter's passphrase");
  await squatterPage.getByRole("button", { name: "Create account" }).click();
  await expect(squatterPage.getByTestId("sign-up-sent")).toBeVisible();
  await squatter.close();

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/organizations");
  const orgForm = page.getByTestId("create-organization-form");
  await orgForm.getByLabel("Name").fill(orgName);
  await orgForm.getByLabel("Type").selectOption("government_agency");
  await orgForm.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("org-row").filter({ hasText: orgName })).toBeVisible();

  await page.goto("/admin/invitations");
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Organization").selectOption({ label: orgName });
  await invite.getByLabel("Role").selectOption("member_delegate");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Pending");
  const link = await linkFromOutbox(page, email, "/invite/");

  // The owner accepts with the account's (squatter's) password: refused, with what to do.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText(orgName).first()).toBeVisible();
  const form = invitee.getByTestId("accept-invitation-form");
  await form.getByLabel("Password").fill("the squatter's passphrase");
  await form.getByRole("button", { name: "Accept the invitation" }).click();
  const takeover = invitee.getByTestId("invite-takeover");
  await expect(takeover).toBeVisible();
  await expect(takeover).toContainText("Take over the account first");
  await expect(takeover).toContainText(email);
  await expect(takeover).toContainText("open this invitation link again");
  await expect(invitee.getByTestId("user-menu")).toHaveCount(0);

  // The reset link went to the address; choosing a new password takes the account over.
  const reset = await linkFromOutbox(page, email, "/reset-password");
  const newPassword = "the owner's new passphrase";
  await invitee.goto(new URL(reset).pathname + new URL(reset).search);
  await invitee.getByLabel("New password", { exact: true }).fill(newPassword);
  await invitee.getByLabel("Repeat the password", { exact: true }).fill(newPassword);
  await invitee.getByRole("button", { name: "Save the new password" }).click();
  await expect(invitee.getByText("Password changed")).toBeVisible();

  // Then the invitation, opened again, is accepted with the new password.
  await invitee.goto(new URL(link).pathname);
  await form.getByLabel("Password").fill(newPassword);
  await form.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(invitee).toHaveURL(/\/workspace/);
  await expect(invitee.getByTestId("user-menu")).toBeVisible();
  await expect(invitee.getByText("Member delegate").first()).toBeVisible();
  await expect(invitee.getByText(orgName).first()).toBeVisible();
  await context.close();
});

test("a visitor who is not in the secretariat is refused the admin pages", async ({ page }) => {
  await page.goto("/admin/people");
  await expect(page.getByTestId("not-authorized")).toBeVisible();
});
