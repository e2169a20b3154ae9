/**
 * A question's picture, as the server re-encoded it (issue 15). The address names the picture's id and
 * the start of its SHA-256, so it cannot be guessed from an id alone and never changes meaning: browsers
 * and proxies may keep it for a year.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPictureBytes } from "#db/repos/question-pictures";

const FILE = /^(\d{1,12})-([0-9a-f]{16})\.webp$/;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match) throw new Response("Not found", { status: 404 });
  const picture = await findPictureBytes(context.services.db, Number(match[1]), match[2]!);
  if (!picture) throw new Response("Not found", { status: 404 });
  const etag = `"${picture.sha256}"`;
  const headers = {
    "Content-Type": picture.mime,
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "Content-Security-Policy": "default-src 'none'",
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(picture.bytes), {
    headers: { ...headers, "Content-Length": String(picture.bytes.byteLength) },
  });
}
