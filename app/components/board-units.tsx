/** Participation per unit as horizontal bars: long Vietnamese unit names stay readable on every width. */
import type { UnitBar } from "~/realtime/contract";
import { useT } from "~/i18n/use-t";

export function BoardUnits({
  units,
  total,
  limit,
}: {
  units: readonly UnitBar[];
  total: number;
  limit?: number;
}) {
  const t = useT();
  const shown = limit === undefined ? units : units.slice(0, limit);
  // Issue 11: the bar is the rate against the unit's expected headcount (10 of 800 is not 10 of 10);
  // a unit without a headcount is drawn against the largest count, as before.
  const max = Math.max(1, ...shown.map((u) => Math.max(u.participants, 0)));
  const shareOf = (u: UnitBar) =>
    u.expected && u.expected > 0 ? Math.min(1, u.participants / u.expected) : u.participants / max;
  return (
    <div className="board-units">
      <ul>
        {shown.map((u) => {
          const share = shareOf(u);
          return (
            <li key={u.unitId}>
              <span className="label">{u.name}</span>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${Math.max(share * 100, u.participants > 0 ? 2 : 0)}%` }} />
              </span>
              <span className="value">
                {u.expected
                  ? t("organizer.unitsRate", {
                      rate: Math.round((u.participants / u.expected) * 100).toLocaleString("vi-VN"),
                      n: u.participants.toLocaleString("vi-VN"),
                      expected: u.expected.toLocaleString("vi-VN"),
                    })
                  : t("board.unitsNoExpected", { n: u.participants.toLocaleString("vi-VN") })}
              </span>
            </li>
          );
        })}
      </ul>
      {total > shown.length ? (
        <p className="more">{t("board.unitsMore", { n: total - shown.length })}</p>
      ) : null}
    </div>
  );
}
