import { is } from "drizzle-orm";
import { getTableConfig, type PgTable, PgTable as PgTableClass } from "drizzle-orm/pg-core";

/** One table of a backup: its name, the columns of a stable row order, and its serial columns. */
export interface BackupTablePlan {
  name: string;
  orderBy: string[];
  serials: string[];
}

export interface BackupPlan {
  /** In an order that satisfies foreign keys on restore (parents first). */
  tables: BackupTablePlan[];
  /** Tables left out, with the reason. */
  excluded: Readonly<Record<string, string>>;
}

/**
 * Derives the backup from the schema itself: every Drizzle table given (the platform's and every
 * module's), but those excluded with a reason, ordered so that a table comes after the tables its
 * foreign keys reference. A new module's tables are backed up without anyone keeping a list.
 */
export function planBackup(tableSets: readonly Record<string, unknown>[], excluded: Readonly<Record<string, string>>) {
  const tables = new Map<string, PgTable>();
  for (const set of tableSets) {
    for (const value of Object.values(set)) {
      if (is(value, PgTableClass)) tables.set(getTableConfig(value).name, value);
    }
  }
  for (const name of Object.keys(excluded)) {
    if (!tables.has(name)) throw new Error(`backup exclusion names no table: ${name}`);
  }
  const kept = [...tables.keys()].filter((n) => !(n in excluded)).sort();
  const plans = new Map<string, BackupTablePlan & { parents: string[] }>();
  for (const name of kept) {
    const config = getTableConfig(tables.get(name)!);
    const primary =
      config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    const parents = config.foreignKeys
      .map((fk) => getTableConfig(fk.reference().foreignTable).name)
      .filter((p) => p !== name && !(p in excluded));
    plans.set(name, {
      name,
      orderBy: primary.length > 0 ? primary : config.columns.map((c) => c.name),
      serials: config.columns.filter((c) => c.columnType.includes("Serial")).map((c) => c.name),
      parents,
    });
  }
  // Topological order (parents first), alphabetical among equals so the file is stable.
  const ordered: BackupTablePlan[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    visiting.add(name);
    const plan = plans.get(name)!;
    for (const p of [...plan.parents].sort()) visit(p);
    visiting.delete(name);
    done.add(name);
    ordered.push({ name: plan.name, orderBy: plan.orderBy, serials: plan.serials });
  };
  for (const name of kept) visit(name);
  return { tables: ordered, excluded } satisfies BackupPlan;
}
