/**
 * A phone in the live final with a seat code (issue 14): an invited contestant joins without an
 * account; the same address (or the same code typed again) takes the same seat after a reload.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LivePhone } from "~/components/live/live-phone";
import { findLiveSeat } from "#db/repos/live-finals";

const seatCode = z
  .string()
  .trim()
  .regex(/^[2-9A-Za-z]{8}$/);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = seatCode.safeParse(params.code);
  if (!code.success) throw new Response("Not found", { status: 404 });
  const seat = await findLiveSeat(context.services.db, code.data);
  if (!seat) throw new Response("Not found", { status: 404 });
  return { roundId: seat.roundId, seat: code.data.toUpperCase() };
}

export const meta: MetaFunction = () => [{ title: "Chung kết" }, { name: "robots", content: "noindex" }];

export default function LiveSeatPage() {
  const { roundId, seat } = useLoaderData<typeof loader>();
  return <LivePhone roundId={roundId} seat={seat} />;
}
