/**
 * A small browser stand-in for scripts: a cookie jar over fetch, the CSRF token from a page, and
 * form posts that do not follow redirects (so the script sees where the server sends it).
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(new URL(path, this.baseUrl), {
      headers: { cookie: this.cookieHeader() },
      redirect: "manual",
    });
    this.remember(response);
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get("location"),
    };
  }

  async post(
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; text: string; location: string | null }> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
    this.remember(response);
    return {
      status: response.status,
      text: await response.text(),
      location: response.headers.get("location"),
    };
  }

  /** GETs a page and returns the CSRF token its forms carry. */
  async csrf(path: string): Promise<{ token: string; html: string }> {
    const page = await this.get(path);
    const token = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path} (HTTP ${page.status})`);
    return { token, html: page.text };
  }

  async logIn(login: string, password: string): Promise<void> {
    const { token } = await this.csrf("/login");
    const response = await this.post("/login", { csrf: token, login, password });
    if (response.status !== 302) throw new Error(`login as ${login} failed (HTTP ${response.status})`);
  }
}

/** The values of a <select name="…">'s options, from server-rendered HTML. */
export function selectOptions(html: string, name: string): string[] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option[^>]*value="([^"]+)"/g)].map((m) => m[1]).filter((v) => v !== "");
}
