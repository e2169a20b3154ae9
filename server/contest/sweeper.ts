/**
 * Submits attempts whose time is over, whether or not their page is open: at start (for attempts whose
 * deadline passed while the server was down) and then every few seconds.
 */
import type { Services } from "../services";
import { submitOverdueAttempts } from "./attempts";

export const SWEEP_INTERVAL_MS = 2_000;

export function startDeadlineSweeper(
  services: Services,
  intervalMs = SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return; // the previous sweep is still going: skip a beat rather than pile up
    running = submitOverdueAttempts(services)
      .then((n) => {
        if (n > 0) services.logger.info({ submitted: n }, "submitted attempts past their deadline");
      })
      .catch((error) => services.logger.error({ err: error }, "deadline sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
