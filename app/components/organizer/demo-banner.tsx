/** On every page while the demo contest exists (issue 11): nobody mistakes the demo for a real contest. */
import { useT } from "~/i18n/use-t";

export function DemoBanner() {
  const t = useT();
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {t("organizer.demo.banner")}
    </p>
  );
}
