/**
 * Submits attempts whose time is over, whether or not their page is open: at start (for attempts whose
 * deadline passed while the server was down) and then every few seconds.
 *
 * Across several processes, one sweeps at a time: each beat takes (or renews) the "sweeper" lease, and
 * only its holder sweeps. When the holder dies, its lease expires after SWEEP_LEASE_MS and the next
 * process to try takes it over. A sweep that did overlap would still be harmless: submitting is
 * idempotent (the update only applies to an attempt in progress), so nothing is submitted twice.
 */
import { leasesOf, type Services } from "../services";
import { submitOverdueAttempts } from "./attempts";

export const SWEEP_INTERVAL_MS = 2_000;
/** How long a dead holder keeps the sweeper from running elsewhere, at most. */
export const SWEEP_LEASE_MS = 6_000;
export const SWEEPER_LEASE = "sweeper";

export function startDeadlineSweeper(
  services: Services,
  intervalMs = SWEEP_INTERVAL_MS,
  leaseMs = Math.max(SWEEP_LEASE_MS, intervalMs * 3),
): { stop(): Promise<void> } {
  const leases = leasesOf(services);
  let running: Promise<void> | null = null;
  let holding = false;
  const sweep = () => {
    if (running) return; // the previous sweep is still going: skip a beat rather than pile up
    running = leases
      .acquire(SWEEPER_LEASE, leaseMs)
      .then(async (held) => {
        if (held !== holding) {
          holding = held;
          if (held)
            services.logger.info({ lease: SWEEPER_LEASE }, "this process now runs the deadline sweeper");
        }
        if (!held) return;
        const n = await submitOverdueAttempts(services);
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
      // Hand over at once on a clean stop, rather than after the lease runs out.
      if (holding) await leases.release(SWEEPER_LEASE).catch(() => undefined);
    },
  };
}
