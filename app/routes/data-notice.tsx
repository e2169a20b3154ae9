import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { useT } from "~/i18n/use-t";
import { maskName } from "~/rules/masking";
import { findCurrentContest } from "#db/repos/contests";

export const meta: MetaFunction = () => [
  { title: "Thông báo về xử lý dữ liệu cá nhân — Hội thi tìm hiểu về Chuyển đổi số" },
];

/** The contest's data notice (Decree 13/2023/NĐ-CP), linked from the consent box at registration. Public. */
export async function loader({ context }: LoaderFunctionArgs) {
  const contest = await findCurrentContest(context.services.db);
  if (!contest) throw new Response("Not found", { status: 404 });
  return { title: contest.title, organizer: contest.organizer_name, notice: contest.data_notice };
}

export default function DataNoticePage() {
  const t = useT();
  const { title, organizer, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <article className="card">
          <h1>{t("registration.notice.title")}</h1>
          <p>{t("registration.notice.contest", { title })}</p>
          <p>{t("registration.notice.controller", { organizer })}</p>
          {notice.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} style={{ whiteSpace: "pre-line" }}>
              {paragraph}
            </p>
          ))}
          <p>{t("registration.notice.public", { example: maskName("Nguyễn Văn An") })}</p>
          <p className="muted small">{t("registration.notice.legal")}</p>
          <p>
            <Link to="/register">{t("registration.notice.back")}</Link>
          </p>
        </article>
      </main>
    </>
  );
}
