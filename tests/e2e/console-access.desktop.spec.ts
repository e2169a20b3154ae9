import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createContestantAccount } from "./fixtures";

/**
 * Every organizer route, found from the route files so that a new page is covered the day it is
 * added: an anonymous visitor is sent to log in and a contestant is refused, for reading (GET) and
 * for changing (POST with a valid CSRF token, so that only the role check can stop it).
 */
function consolePaths(): string[] {
  const dir = path.join(process.cwd(), "app/routes");
  return fs
    .readdirSync(dir)
    .filter((f) => /^console[._]/.test(f) || f === "console.tsx")
    .map((f) => f.replace(/\.tsx?$/, ""))
    .map((name) =>
      name
        .split(".")
        .filter((part) => part !== "_index")
        .map((part) => (part.startsWith("$") ? "1" : part))
        .join("/"),
    )
    .map((p) => `/${p}`);
}

async function csrfToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/login")).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(token, "the login page carries a CSRF token").toBeTruthy();
  return token!;
}

test("Every organizer route refuses anonymous visitors and contestants", async ({ playwright, baseURL }) => {
  const paths = consolePaths();
  expect(paths.length).toBeGreaterThanOrEqual(2);

  const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const anonymousToken = await csrfToken(anonymous);
  for (const p of paths) {
    const get = await anonymous.get(p, { maxRedirects: 0 });
    expect(get.status(), `GET ${p} as anonymous`).toBe(302);
    expect(get.headers()["location"], `GET ${p} as anonymous`).toMatch(/^\/login\?next=/);
    const post = await anonymous.post(p, {
      form: { csrf: anonymousToken, intent: "create" },
      maxRedirects: 0,
    });
    // 405: the page has no action at all, which changes nothing either.
    expect([302, 403, 405], `POST ${p} as anonymous`).toContain(post.status());
    expect(await post.text()).not.toContain("admin");
  }

  const contestant = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const phone = await createContestantAccount("thi-sinh-456");
  const token = await csrfToken(contestant);
  const login = await contestant.post("/login", {
    form: { csrf: token, login: phone, password: "thi-sinh-456" },
  });
  expect(login.status()).toBe(302);
  for (const p of paths) {
    const get = await contestant.get(p);
    expect(get.status(), `GET ${p} as contestant`).toBe(403);
    const post = await contestant.post(p, { form: { csrf: token, intent: "create" } });
    expect([403, 405], `POST ${p} as contestant`).toContain(post.status());
  }
});
