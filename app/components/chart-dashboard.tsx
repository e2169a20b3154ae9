/**
 * The statistics dashboard of a round or of the contest: key numbers, submissions over time, the score
 * distribution, participation per unit and per category. Every chart has its numbers in a table.
 */
import type { Statistics } from "#server/results/statistics";
import { useT } from "~/i18n/use-t";
import { formatVnDate, formatVnTime } from "~/rules/vn-time";
import { ChartBars } from "./chart-bars";
import { ChartHBars } from "./chart-hbars";

const n = (value: number) => value.toLocaleString("vi-VN");
const pct = (value: number | null) =>
  value === null ? "—" : `${(value * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
const dec = (value: number | null) =>
  value === null ? "—" : value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

export function ChartDashboard({ stats, title }: { stats: Statistics; title: string }) {
  const t = useT();
  const duration = (seconds: number | null) =>
    seconds === null
      ? "—"
      : t("results.minutesSeconds", { m: Math.floor(seconds / 60), s: Math.round(seconds % 60) });
  const bucket =
    stats.bucketMinutes >= 1440
      ? t("results.stats.bucket.day")
      : stats.bucketMinutes >= 60
        ? t("results.stats.bucket.hours", { n: stats.bucketMinutes / 60 })
        : t("results.stats.bucket.minutes", { n: stats.bucketMinutes });
  const timeLabel = (iso: string) => {
    const d = new Date(iso);
    return stats.bucketMinutes >= 1440 ? formatVnDate(d).slice(0, 5) : formatVnTime(d);
  };
  const timeFull = (iso: string) => `${formatVnTime(new Date(iso))} ${formatVnDate(new Date(iso))}`;
  const scoreLabel = (b: Statistics["scores"][number]) =>
    b.from === b.to ? dec(b.from) : `${dec(b.from)}–${dec(b.to)}`;

  return (
    <section className="results-dashboard" aria-labelledby="stats-title">
      <h2 id="stats-title">{title}</h2>
      <div className="grid three">
        {(
          [
            ["results.stats.registered", n(stats.registered)],
            ["results.stats.participants", n(stats.participants)],
            ["results.stats.submittedOfStarted", `${n(stats.submitted)} / ${n(stats.started)}`],
            ["results.stats.averageScore", dec(stats.averageScore)],
            ["results.stats.averageTime", duration(stats.averageSeconds)],
            ["results.stats.perfect", n(stats.perfect)],
          ] as const
        ).map(([key, value]) => (
          <div className="card stat" key={key}>
            <span className="muted">{t(key)}</span>
            <span className="value" data-testid={`stat-${key.split(".").pop()}`}>
              {value}
            </span>
          </div>
        ))}
      </div>
      {stats.submitted === 0 ? <p className="muted">{t("results.stats.none")}</p> : null}

      <div className="grid two">
        <section className="card">
          <h3>{t("results.stats.overTime")}</h3>
          <p className="muted small">{t("results.stats.overTimeHint", { bucket })}</p>
          <ChartBars
            label={t("results.stats.chartLabel", { title: t("results.stats.overTime") })}
            bars={stats.overTime.map((b) => ({ label: timeLabel(b.from), value: b.count }))}
          />
          <details>
            <summary>{t("results.stats.showTable")}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t("results.stats.from")}</th>
                    <th className="num">{t("results.stats.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.overTime.map((b) => (
                    <tr key={b.from}>
                      <td>{timeFull(b.from)}</td>
                      <td className="num">{n(b.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
        <section className="card">
          <h3>{t("results.stats.scores")}</h3>
          <p className="muted small">
            {t("results.stats.scoresHint")} {t("results.stats.medianTime")}: {duration(stats.medianSeconds)}.
          </p>
          <ChartBars
            color="#7a4fa3"
            label={t("results.stats.chartLabel", { title: t("results.stats.scores") })}
            bars={stats.scores.map((b) => ({ label: scoreLabel(b), value: b.count }))}
          />
          <details>
            <summary>{t("results.stats.showTable")}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t("results.stats.scoreRange")}</th>
                    <th className="num">{t("results.stats.contestants")}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.scores.map((b) => (
                    <tr key={`${b.from}-${b.to}`}>
                      <td>{scoreLabel(b)}</td>
                      <td className="num">{n(b.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      </div>

      <section className="card">
        <h3>{t("results.stats.units")}</h3>
        <ChartHBars
          label={t("results.stats.chartLabel", { title: t("results.stats.units") })}
          bars={stats.units.map((u) => ({
            key: u.unitId,
            label: u.name,
            value: u.participants,
            of: u.headcount,
            text: u.headcount
              ? `${n(u.participants)}/${n(u.headcount)} · ${pct(u.participationRate)}`
              : n(u.participants),
          }))}
        />
        <div className="table-wrap">
          <table data-testid="units-table" style={{ minWidth: 760 }}>
            <thead>
              <tr>
                <th className="num">{t("results.col.collectiveRank")}</th>
                <th>{t("results.col.unit")}</th>
                <th className="num">{t("results.col.registered")}</th>
                <th className="num">{t("results.col.participants")}</th>
                <th className="num">{t("results.col.headcount")}</th>
                <th className="num">{t("results.col.participationRate")}</th>
                <th className="num">{t("results.col.averageScore")}</th>
                <th>{t("results.col.best")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.units.map((u) => (
                <tr key={u.unitId}>
                  <td className="num">{u.collectiveRank}</td>
                  <td>{u.name}</td>
                  <td className="num">{n(u.registered)}</td>
                  <td className="num">{n(u.participants)}</td>
                  <td className="num">{u.headcount === null ? "—" : n(u.headcount)}</td>
                  <td className="num">{pct(u.participationRate)}</td>
                  <td className="num">{dec(u.averageScore)}</td>
                  <td>{u.best ? `${u.best.fullName} (${dec(u.best.score)})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card">
        <h3>{t("results.stats.categories")}</h3>
        <ChartHBars
          label={t("results.stats.chartLabel", { title: t("results.stats.categories") })}
          bars={stats.categories.map((c) => ({
            key: c.categoryId,
            label: c.name,
            value: c.participants,
            of: c.registered,
            text: `${n(c.participants)}/${n(c.registered)}`,
          }))}
        />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("results.col.category")}</th>
                <th className="num">{t("results.col.registered")}</th>
                <th className="num">{t("results.col.participants")}</th>
                <th className="num">{t("results.stats.rate")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.categories.map((c) => (
                <tr key={c.categoryId}>
                  <td>{c.name}</td>
                  <td className="num">{n(c.registered)}</td>
                  <td className="num">{n(c.participants)}</td>
                  <td className="num">{pct(c.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </section>
  );
}
