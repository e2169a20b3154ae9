/**
 * Re-encoding pictures on the server (issue 15) with sharp (libvips): an uploaded file is never served as
 * it came. Every picture is decoded with a pixel limit, turned upright, scaled down to what a projector
 * needs (a question) or a phone's option row needs (an option), stripped of metadata and written as WebP.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { EncodedPicture, PictureEncoder } from "~/rules/question-formats/pictures";

/** An upload over this is refused before decoding. */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;
/** Decoding stops beyond this many pixels (a small file can claim a huge image). */
export const MAX_PICTURE_PIXELS = 24_000_000;
/** Widest a stored picture gets: sharp on a 1920-px projector at its place, small beside an option. */
export const MAX_WIDTH = { question: 1280, option: 320 } as const;

sharp.cache(false);
sharp.concurrency(1);

const ACCEPTED = new Set(["png", "jpeg", "webp"]);

/** "Ảnh màn hình VNeID.PNG" → "anh-man-hinh-vneid.webp" */
export function pictureFileName(name: string): string {
  const stem = name
    .replace(/\.[a-z0-9]+$/i, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${stem || "hinh"}.webp`;
}

export const encodePicture: PictureEncoder = async (raw, kind) => {
  const mime: EncodedPicture["mime"] = "image/webp";
  if (raw.data.byteLength > MAX_PICTURE_BYTES) return { ok: false, code: "pictureTooLarge" };
  try {
    const input = sharp(raw.data, { limitInputPixels: MAX_PICTURE_PIXELS, failOn: "error" });
    const meta = await input.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) return { ok: false, code: "pictureUnreadable" };
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PICTURE_PIXELS)
      return { ok: false, code: "pictureTooLarge" };
    const { data, info } = await input
      .rotate()
      .resize({
        width: MAX_WIDTH[kind],
        height: MAX_WIDTH[kind] * 2,
        fit: "inside",
        withoutEnlargement: true,
      })
      .webp({ quality: 80, effort: 2 })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      picture: {
        fileName: pictureFileName(raw.name),
        mime,
        width: info.width,
        height: info.height,
        alt: raw.alt,
        sha256: createHash("sha256").update(data).digest("hex"),
        bytes: data,
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    return { ok: false, code: /pixel limit/i.test(message) ? "pictureTooLarge" : "pictureUnreadable" };
  }
};
