import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n";
import { requireStaff } from "~/lib/auth.server";

export const meta: MetaFunction = () => [{ title: "Bảng điều khiển — Hội thi tìm hiểu về Chuyển đổi số" }];

/** Every page under /console is for staff: this check runs for all of them (child loaders check again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  return { role: user.role };
}

const NAV: { to: string; label: MessageKey; adminOnly?: boolean }[] = [
  { to: "/console", label: "console.nav.overview" },
  { to: "/console/contest", label: "console.nav.contest" },
  { to: "/console/contests", label: "organizer.nav.contests" },
  { to: "/console/questions", label: "console.nav.questions" },
  { to: "/console/rounds", label: "console.nav.rounds" },
  { to: "/console/live", label: "console.nav.live" },
  { to: "/console/finals", label: "live.nav" },
  { to: "/console/contestants", label: "console.nav.contestants" },
  { to: "/console/units", label: "console.nav.units" },
  { to: "/console/results", label: "console.nav.results" },
  { to: "/console/staff", label: "console.nav.staff", adminOnly: true },
  { to: "/console/audit", label: "console.nav.audit", adminOnly: true },
];

export default function ConsoleLayout() {
  const t = useT();
  const { role } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page console">
        <nav className="console-nav" aria-label={t("console.title")}>
          {NAV.filter((item) => !item.adminOnly || role === "admin").map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === "/console"}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        {role === "judge" ? (
          <p className="badge warn" role="note">
            {t("console.readOnly")}
          </p>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
