import type { Db } from "../connection";
import type { User } from "../schema";

/** Contestant accounts registered with this phone number (one per contest). */
export function findContestantUsersByPhone(db: Db, phone: string): Promise<User[]> {
  return db
    .selectFrom("contestants")
    .innerJoin("users", "users.id", "contestants.user_id")
    .selectAll("users")
    .where("contestants.phone", "=", phone)
    .orderBy("contestants.id", "desc")
    .execute();
}
