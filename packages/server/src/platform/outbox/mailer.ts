import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import nodemailer from "nodemailer";
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

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return {
    async enqueue(tx, email) {
      await tx.insert(outboxEmails).values({ id: randomUUID(), ...email });
    },
    async flush(db) {
      if (!transport) return 0;
      const waiting = await db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt)).limit(50);
      let sent = 0;
      for (const mail of waiting) {
        try {
          await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
          await db
            .update(outboxEmails)
            .set({ sentAt: new Date(), lastError: null })
            .where(eq(outboxEmails.id, mail.id));
          sent++;
        } catch (err) {
          await db
            .update(outboxEmails)
            .set({ lastError: String((err as Error).message ?? err) })
            .where(eq(outboxEmails.id, mail.id));
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
