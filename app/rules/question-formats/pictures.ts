/**
 * Pictures as a question file carries them (issue 15): the raw bytes found in a .docx or in a bank
 * export's `pictures/` folder, named and described. They are never stored or served as they came: the
 * import re-encodes them on the server (server/media/pictures.ts) before the preview keeps them.
 */

/** Pictures a question may carry, before re-encoding. */
export interface RawPicture {
  /** File name as the file gave it ("image1.png", "vneid.jpg"). */
  name: string;
  /** Alternative text: read by screen readers, shown if the picture fails. */
  alt: string;
  data: Uint8Array;
}

export interface RowPictures {
  /** The question's one picture. */
  question?: RawPicture;
  /** A small picture beside an option, by the option's index (its text serves as the description). */
  options?: Record<number, RawPicture>;
}

/** Pictures a spreadsheet row names by file name (the files travel beside it in a `.zip`). */
export interface PictureRefs {
  question?: { name: string; alt: string };
  options?: Record<number, string>;
}

/** The kinds of picture accepted in an upload (the server checks the bytes, not the name). */
export const PICTURE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp"] as const;

export const isPictureName = (name: string) =>
  PICTURE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** "pictures/vneid.png" → "vneid.png" */
export const baseName = (name: string) => name.split("/").pop() ?? name;

/** Word files and bank zips may carry pictures, so they get more room than a sheet of text. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

/** A picture after the server re-encoded it. */
export interface EncodedPicture {
  fileName: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  sha256: string;
  bytes: Uint8Array;
}

export type EncodeResult =
  { ok: true; picture: EncodedPicture } | { ok: false; code: "pictureUnreadable" | "pictureTooLarge" };

/** Re-encodes one picture; given by the caller so that rules and repositories stay free of image code. */
export type PictureEncoder = (raw: RawPicture, kind: "question" | "option") => Promise<EncodeResult>;

/** "question", or "option:N" (original order). */
export type PictureSlot = "question" | `option:${number}`;

/** What a page needs to draw a picture without a jump: where, how big, and what it shows. */
export interface PictureView {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export const pictureUrl = (id: number, sha256: string) => `/media/pictures/${id}-${sha256.slice(0, 16)}.webp`;
