/**
 * The addresses phones in the hall can use (issue 11): every non-internal IPv4 address of this machine,
 * with the port. The QR code and the join slip use `PUBLIC_URL`, else the first of them; `localhost`
 * only when there is nothing else, and then the console says so.
 */
import os from "node:os";

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/** Non-internal IPv4 addresses, private LAN ranges first (what phones on the hall's Wi-Fi reach). */
export function lanAddresses(interfaces: Interfaces = os.networkInterfaces()): string[] {
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) {
      if (entry.internal || entry.family !== "IPv4") continue;
      if (entry.address.startsWith("169.254.")) continue; // link-local: no DHCP answer, nobody reaches it
      if (!found.includes(entry.address)) found.push(entry.address);
    }
  }
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return [...found.filter(isPrivate), ...found.filter((a) => !isPrivate(a))];
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.startsWith("127.");
}

export interface JoinAddress {
  /** The contestant home phones open, e.g. "http://192.168.1.20:3000/". */
  url: string;
  /** True when only this machine can open it: no PUBLIC_URL and no network address. */
  localOnly: boolean;
}

/**
 * Where phones join: `PUBLIC_URL` when set; else the address the page was opened with, unless that is
 * this machine itself, in which case the first LAN address with the same port.
 */
export function joinAddress(
  publicUrl: string | null,
  requestUrl: string,
  addresses: readonly string[] = lanAddresses(),
): JoinAddress {
  if (publicUrl) return { url: new URL("/", publicUrl).toString(), localOnly: false };
  const seen = new URL(requestUrl);
  if (!isLocalHost(seen.hostname)) return { url: new URL("/", seen.origin).toString(), localOnly: false };
  const first = addresses[0];
  if (!first) return { url: new URL("/", seen.origin).toString(), localOnly: true };
  const port = seen.port ? `:${seen.port}` : "";
  return { url: `${seen.protocol}//${first}${port}/`, localOnly: false };
}
