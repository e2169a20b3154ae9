import type { Db } from "../connection";
import type { Role, User } from "../schema";

export interface NewUserInput {
  role: Role;
  username: string | null;
  displayName: string;
  passwordHash: string;
  mustChangePassword?: boolean;
  now: Date;
}

export async function createUser(db: Db, input: NewUserInput): Promise<User> {
  return db
    .insertInto("users")
    .values({
      role: input.role,
      username: input.username,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      must_change_password: input.mustChangePassword ? 1 : 0,
      disabled_at: null,
      created_at: input.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findStaffByUsername(db: Db, username: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .where("role", "!=", "contestant")
    .executeTakeFirst();
}

export function listStaff(db: Db): Promise<User[]> {
  return db.selectFrom("users").selectAll().where("role", "!=", "contestant").orderBy("id").execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setPassword(
  db: Db,
  userId: number,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
}

export async function setDisabled(db: Db, userId: number, at: Date | null): Promise<void> {
  await db
    .updateTable("users")
    .set({ disabled_at: at ? at.toISOString() : null })
    .where("id", "=", userId)
    .execute();
}
