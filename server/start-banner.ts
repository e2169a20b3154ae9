/**
 * What `npm start` prints once the server listens (issue 11): every address phones in the hall can use,
 * and plainly what the QR code will show.
 */
import type { Config } from "./config";

/** The address to print and to put in QR codes: PUBLIC_URL, else the first LAN address, else this machine. */
export function baseAddress(
  config: Pick<Config, "publicUrl" | "host">,
  port: number,
  addresses: readonly string[],
): string {
  const listensEverywhere = config.host === "0.0.0.0" || config.host === "::";
  const lan = listensEverywhere ? addresses.map((a) => `http://${a}:${port}`) : [];
  return (
    config.publicUrl?.replace(/\/$/, "") ??
    lan[0] ??
    `http://${listensEverywhere ? "localhost" : config.host}:${port}`
  );
}

export function startBanner(input: {
  config: Pick<Config, "publicUrl" | "host">;
  port: number;
  seconds: string;
  addresses: readonly string[];
}): string {
  const { config, port, seconds, addresses } = input;
  const listensEverywhere = config.host === "0.0.0.0" || config.host === "::";
  const lan = listensEverywhere ? addresses.map((a) => `http://${a}:${port}`) : [];
  const local = `http://${listensEverywhere ? "localhost" : config.host}:${port}`;
  const base = baseAddress(config, port, addresses);
  const lines = [
    "",
    `  Sẵn sàng / ready in ${seconds}s`,
    `  Trang thí sinh / contestant home:   ${base}/`,
    `  Bảng điều khiển / organizer console: ${base}/console`,
    `  Màn hình khán giả / audience screen: ${base}/screen`,
    "",
  ];
  if (lan.length > 0) {
    lines.push("  Điện thoại trong mạng nội bộ mở được / phones on the local network can open:");
    for (const address of lan) lines.push(`    ${address}/`);
    lines.push("");
  }
  if (!config.publicUrl) {
    lines.push(
      lan.length > 0
        ? `  PUBLIC_URL chưa đặt: mã QR trên màn hình sẽ chỉ tới ${lan[0]}/ / PUBLIC_URL is unset: the QR code will show ${lan[0]}/`
        : `  PUBLIC_URL chưa đặt và máy không có địa chỉ mạng: mã QR chỉ mở được trên chính máy này (${local}/). / PUBLIC_URL is unset and this machine has no network address: the QR code only works on this machine.`,
      "",
    );
  }
  return lines.join("\n");
}
