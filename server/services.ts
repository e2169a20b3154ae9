/**
 * What every request handler and socket handler works with, built once per process and handed
 * down (Remix gets it through the load context). Tests build their own with an in-memory database
 * and a fixed clock; nothing here is a module-level singleton.
 */
import type { Db } from "#db/connection";
import type { Config } from "./config";
import type { Logger } from "./logger";
import type { ContestEvents } from "./contest/events";
import type { Cluster } from "./cluster/cluster";
import { localLeases, type Leases } from "./cluster/leases";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Services {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  events: ContestEvents;
  /** Several processes as one contest (REDIS_URL); absent on one process alone. */
  cluster?: Cluster;
}

const alone = localLeases();

/** The leases of the cluster, or on one process alone leases that are always granted. */
export function leasesOf(services: Pick<Services, "cluster">): Leases {
  return services.cluster?.leases ?? alone;
}

/** Per request: the services plus what the HTTP layer learned about this request. */
export type RequestContext = {
  services: Services;
  requestId: string;
  ip: string | null;
  lang: "vi" | "en";
  /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
  cspNonce: string;
  /** The value the CSRF cookie holds for this browser, and the token its forms must send back. */
  csrf: { cookieValue: string; token: string };
};
