import { isNull } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { createMailer } from "./mailer.js";
import { outboxEmails } from "./tables.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("delivers each queued email once through the transport, and keeps it in the outbox as sent", async () => {
  const mailer = createMailer(nodemailer.createTransport({ jsonTransport: true }), "Concordia <no-reply@example.org>");
  for (const n of [1, 2, 3])
    await mailer.enqueue(t.db, { to: `r${n}@example.org`, subject: `S${n}`, text: "hello", kind: "test" });
  // Two senders at once, as with two server instances: together they send each email exactly once.
  const [a, b] = await Promise.all([mailer.flush(t.db), mailer.flush(t.db)]);
  expect(a + b).toBe(3);
  expect(await mailer.flush(t.db)).toBe(0);
  expect(await t.db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt))).toEqual([]);
});

it("without SMTP, emails wait in the outbox", async () => {
  const mailer = createMailer(undefined, "x@example.org");
  await mailer.enqueue(t.db, { to: "w@example.org", subject: "Wait", text: "", kind: "test" });
  expect(await mailer.flush(t.db)).toBe(0);
});
