import { randomUUID } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "../../db/connection.js";
import { outboxEmails } from "./tables.js";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/** Writes emails to the outbox (inside the caller's transaction) and delivers them by SMTP when configured. */
export interface Mailer {
  enqueue(tx: Tx | Db, email: OutgoingEmail): Promise<void>;
  /** Sends what is waiting; returns how many were sent. No-op without SMTP. */
  flush(db: Db): Promise<number>;
}

/** `smtp` is an SMTP URL, or a ready nodemailer transporter (tests use a JSON transport). */
export function createMailer(smtp: string | Transporter | undefined, from: string): Mailer {
  const transport = typeof smtp === "string" ? nodemailer.createTransport(smtp) : smtp;
  return {
    async enqueue(tx, email) {
      await tx.insert(outboxEmails).values({ id: randomUUID(), ...email });
    },
    async flush(db) {
      if (!transport) return 0;
      let sent = 0;
      for (let i = 0; i < 50; i++) {
        // Claim one waiting email; SKIP LOCKED lets several instances send without sending twice.
        const claimed = await db.execute<typeof outboxEmails.$inferSelect>(sql`
          update outbox_emails set sent_at = now()
          where id = (select id from outbox_emails where sent_at is null order by created_at limit 1 for update skip locked)
          returning id, "to", subject, text`);
        const mail = (claimed as unknown as { rows: { id: string; to: string; subject: string; text: string }[] })
          .rows[0];
        if (!mail) break;
        try {
          await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
          await db.update(outboxEmails).set({ lastError: null }).where(eq(outboxEmails.id, mail.id));
          sent++;
        } catch (err) {
          // Hand it back for the next round.
          await db
            .update(outboxEmails)
            .set({ sentAt: null, lastError: String((err as Error).message ?? err) })
            .where(eq(outboxEmails.id, mail.id));
          break;
        }
      }
      return sent;
    },
  };
}

export async function listOutbox(db: Db, f: { page: number; pageSize: number; to?: string }) {
  const where = and(f.to ? eq(outboxEmails.to, f.to.toLowerCase()) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(outboxEmails)
      .where(where)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(outboxEmails).where(where),
  ]);
  return {
    items: rows.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      kind: m.kind,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    total: totals[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
