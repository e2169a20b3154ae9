/**
 * The contestant's own provisional rank, kept up to date while the result page is open. It comes over
 * the attempt's private room (`me:rank`), never over a board room.
 */
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";
import { connectContestSocket, request } from "~/realtime/client";
import type { AttemptSync, MyRank } from "~/realtime/contract";

export function LiveRank({
  attemptId,
  initial,
}: {
  attemptId: number;
  initial: { rank: number; of: number };
}) {
  const t = useT();
  const [rank, setRank] = useState(initial);
  useEffect(() => {
    const socket = connectContestSocket();
    const apply = (mine: MyRank) => {
      if (mine.attemptId === attemptId && mine.view === "live" && mine.rank !== null)
        setRank({ rank: mine.rank, of: mine.of });
    };
    const onConnect = async () => {
      await request<AttemptSync>(socket, (s, ack) => s.emit("attempt:watch", { attemptId }, ack));
      const mine = await request<MyRank>(socket, (s, ack) => s.emit("me:rank", { attemptId }, ack));
      if ("data" in mine) apply(mine.data);
    };
    socket.on("connect", onConnect);
    socket.on("me:rank", apply);
    return () => {
      socket.off("connect", onConnect);
      socket.off("me:rank", apply);
      socket.disconnect();
    };
  }, [attemptId]);
  return <strong>{t("attempt.result.liveRankValue", { rank: rank.rank, total: rank.of })}</strong>;
}
