import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
p.on("pageerror", (e) => console.log("pageerror:", e.message));
await p.goto("http://127.0.0.1:3290/screen/1");
await p.waitForTimeout(2500);
await p.screenshot({ path: "/tmp/boardsrv/screen.png" });
const m = await b.newPage({ viewport: { width: 360, height: 780 } });
await m.goto("http://127.0.0.1:3290/leaderboard/1");
await m.waitForTimeout(1500);
await m.screenshot({ path: "/tmp/boardsrv/lb.png", fullPage: true });
await m.goto("http://127.0.0.1:3290/leaderboard");
await m.waitForTimeout(1500);
await m.screenshot({ path: "/tmp/boardsrv/lbi.png", fullPage: true });
await b.close();
{
const b2 = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await b2.newContext();
const p = await ctx.newPage();
await p.goto("http://127.0.0.1:3290/screen/1");
await p.waitForTimeout(1500);
console.log("before", await p.locator(".board-connection").textContent());
const t0 = Date.now();
await ctx.setOffline(true);
for (let i = 0; i < 60; i++) { const s = await p.locator(".board-connection").getAttribute("data-connection"); if (s === "lost") { console.log("lost after", Date.now() - t0); break; } await p.waitForTimeout(1000); }
await ctx.setOffline(false);
const t1 = Date.now();
for (let i = 0; i < 60; i++) { const s = await p.locator(".board-connection").getAttribute("data-connection"); if (s === "live") { console.log("live after", Date.now() - t1); break; } await p.waitForTimeout(500); }
await b2.close();
}
