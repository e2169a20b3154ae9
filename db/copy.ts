/**
 * Copies a whole contest database from one engine to another (SQLite → PostgreSQL when a contest grows,
 * or back, e.g. to archive it as one file). Both sides must be migrated to the same version; the target
 * must be empty. Ids are kept, so every reference, export and audit entry still points where it did;
 * PostgreSQL's id sequences are moved past the copied ids.
 *
 * Tables are found by introspection and copied parents first (by their foreign keys), so tables that
 * later migrations add are copied too. A table that refers to itself (units.parent_id) gets its rows
 * in id order, parents having been created before their children.
 */
import { sql } from "kysely";
import { isPostgres, type Db } from "./connection";

const SKIP = new Set(["kysely_migration", "kysely_migration_lock"]);

interface ForeignKey {
  table: string;
  references: string;
}

async function foreignKeys(db: Db, tables: string[]): Promise<ForeignKey[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ table: string; references: string }>`
      select tc.table_name as "table", ccu.table_name as "references"
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
    return rows;
  }
  const keys: ForeignKey[] = [];
  for (const table of tables) {
    const { rows } = await sql<{
      table: string;
    }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
    for (const row of rows) keys.push({ table, references: row.table });
  }
  return keys;
}

/** Parents before children; a self-reference does not count. */
function parentsFirst(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys)
    if (k.table !== k.references && parents.has(k.table)) parents.get(k.table)!.add(k.references);
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (!next) throw new Error("the tables' foreign keys form a cycle");
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

async function serialSequence(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{
    seq: string | null;
  }>`select pg_get_serial_sequence(${table}, 'id') as seq`.execute(db);
  return rows[0]?.seq != null;
}

export interface CopyReport {
  tables: { table: string; rows: number }[];
}

async function migrationNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export async function copyDatabase(
  from: Db,
  to: Db,
  progress: (table: string, rows: number) => void = () => undefined,
): Promise<CopyReport> {
  const [source, target] = [await migrationNames(from), await migrationNames(to)];
  if (source.join("\n") !== target.join("\n"))
    throw new Error(
      `the two databases are at different migrations (from: ${source.at(-1) ?? "none"}, to: ${target.at(-1) ?? "none"}); start the platform once on each, or run npm run migrate`,
    );
  const tables = (await from.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !SKIP.has(name))
    .sort();
  const order = parentsFirst(tables, await foreignKeys(from, tables));
  for (const table of order) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(to);
    if (Number(rows[0].n) > 0) throw new Error(`the target is not empty: table ${table} has rows`);
  }
  const report: CopyReport = { tables: [] };
  await to.transaction().execute(async (trx) => {
    for (const table of order) {
      const columns = (await from.introspection.getTables()).find((t) => t.name === table)!.columns;
      const hasId = columns.some((c) => c.name === "id");
      const batch = Math.max(1, Math.floor(900 / columns.length));
      let copied = 0;
      for (let offset = 0; ; offset += batch) {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${
          hasId ? sql.ref("id") : sql.raw("1")
        } limit ${batch} offset ${offset}`.execute(from);
        if (rows.length === 0) break;
        await trx
          .insertInto(table as never)
          .values(rows as never)
          .execute();
        copied += rows.length;
        progress(table, copied);
      }
      report.tables.push({ table, rows: copied });
      const serial = hasId && isPostgres(trx) && (await serialSequence(trx, table));
      if (serial) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(
          table,
        )}), 1), (select count(*) > 0 from ${sql.table(table)}))`.execute(trx);
      }
    }
  });
  return report;
}
