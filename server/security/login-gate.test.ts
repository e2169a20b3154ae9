import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { LOGIN_IN_FLIGHT, loginGate } from "./login-gate";

let server: http.Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A server whose logins wait until released, behind the gate: what reaches "the app" is held. */
async function gatedServer() {
  const gate = loginGate();
  const held: http.ServerResponse[] = [];
  server = http.createServer((req, res) => {
    if (gate(req, res)) return;
    req.resume();
    if (req.method === "POST" && req.url?.toLowerCase().includes("login")) held.push(res);
    else res.end("page");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, held };
}

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body: "login=a&password=b", headers });

describe("the login gate", () => {
  it("lets LOGIN_IN_FLIGHT logins through, answers the next 503 at once, and lets one in again when one ends", async () => {
    const { url, held } = await gatedServer();
    const admitted = Array.from({ length: LOGIN_IN_FLIGHT }, () => post(`${url}/login`));
    await expect.poll(() => held.length).toBe(LOGIN_IN_FLIGHT);

    const refused = await post(`${url}/login.data`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await refused.text()).toMatch(/Vui lòng thử lại/);
    const english = await post(`${url}/login`, { cookie: "x=1; lang=en", accept: "application/json" });
    expect(await english.json()).toEqual({
      error: { code: "busy", message: expect.stringMatching(/try again/) },
    });
    // Other pages and other methods are not the gate's business.
    expect((await fetch(`${url}/login`)).status).toBe(200);
    expect((await post(`${url}/register`)).status).toBe(200);

    held.shift()!.end("done");
    expect((await admitted[0]).status).toBe(200);
    const next = post(`${url}/login`);
    await expect.poll(() => held.length).toBe(LOGIN_IN_FLIGHT);
    for (const res of held.splice(0)) res.end("done");
    expect((await next).status).toBe(200);
    await Promise.all(admitted);
  });

  it("knows the login path however the router would still match it", async () => {
    const { url, held } = await gatedServer();
    const admitted = Array.from({ length: LOGIN_IN_FLIGHT }, () => post(`${url}/login`));
    await expect.poll(() => held.length).toBe(LOGIN_IN_FLIGHT);
    for (const path of ["/LOGIN", "/login/", "/%6Cogin", "/Login.Data?index", "/login//"])
      expect((await post(url + path)).status, path).toBe(503);
    for (const res of held.splice(0)) res.end("done");
    await Promise.all(admitted);
  });
});
