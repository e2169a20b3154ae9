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

/** The kinds of picture accepted in an upload (the server checks the bytes, not the name). */
export const PICTURE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp"] as const;

export const isPictureName = (name: string) =>
  PICTURE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** "pictures/vneid.png" → "vneid.png" */
export const baseName = (name: string) => name.split("/").pop() ?? name;
