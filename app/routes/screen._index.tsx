/** `/screen`: the audience screen of the round open now (else the next to open, else the last one). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { roundPhase } from "~/rules/deadline";
import { findCurrentContest } from "#db/repos/contests";
import { listRounds } from "#db/repos/rounds";

export async function loader({ context }: LoaderFunctionArgs) {
  const { db, clock } = context.services;
  const now = clock.now();
  const contest = await findCurrentContest(db);
  const rounds = contest ? await listRounds(db, contest.id) : [];
  const phased = rounds.map((r) => ({
    id: r.id,
    phase: roundPhase(now, new Date(r.opens_at), new Date(r.closes_at)),
  }));
  const pick =
    phased.find((r) => r.phase === "open") ?? phased.find((r) => r.phase === "upcoming") ?? phased.at(-1);
  if (!pick) throw redirect("/leaderboard");
  throw redirect(`/screen/${pick.id}`);
}
