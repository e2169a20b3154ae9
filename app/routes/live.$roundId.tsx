/**
 * A contestant's phone in the live final (issue 14), with the contestant's account. The phone itself is
 * app/components/live/live-phone.tsx; invited teams use a seat code instead (live.seat.$code.tsx).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/lib/auth.server";
import { LivePhone } from "~/components/live/live-phone";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["contestant"]);
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  return { roundId };
}

export const meta: MetaFunction = () => [{ title: "Chung kết" }];

export default function LivePhonePage() {
  const { roundId } = useLoaderData<typeof loader>();
  return <LivePhone roundId={roundId} />;
}
