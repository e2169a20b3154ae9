/**
 * A Word document (.docx) as lines of marked text: the part of the Word reader that knows OOXML.
 * The document's XML is read with fast-xml-parser after the zip passed the upload guard, so every run
 * property the question habits rely on is at hand (underline, bold, colour, highlight, automatic
 * numbering, tables, embedded pictures with their alternative text). See docs/decisions/0003-word-import.md.
 */
import { XMLParser } from "fast-xml-parser";
import { baseName } from "./pictures";

export type Mark = "underline" | "bold" | "red" | "highlight";

export interface Segment {
  text: string;
  marks: ReadonlySet<Mark>;
}

export interface LinePicture {
  /** Character offset in the line where the picture sits. */
  at: number;
  name: string;
  alt: string;
  data: Uint8Array;
}

export interface Line {
  segments: Segment[];
  pictures: LinePicture[];
  /** A heading by its paragraph style (Heading 1…, Title) or outline level. */
  heading: boolean;
  /** Word's automatic numbering on this paragraph, when it has one (first line of the paragraph only). */
  numbering: { kind: "number" | "letter" | "bullet"; level: number; numId: string } | null;
}

export interface TableBlock {
  kind: "table";
  /** rows → cells → the cell's lines */
  rows: Line[][][];
}
export type Block = { kind: "line"; line: Line } | TableBlock;

export const lineText = (line: Line) => line.segments.map((s) => s.text).join("");

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

export function parseXml(xml: string): Node[] {
  return parser.parse(xml) as Node[];
}

const tagOf = (node: Node) => Object.keys(node).find((k) => k !== ":@") ?? "";
const childrenOf = (node: Node): Node[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as Node[]) : [];
};
const attr = (node: Node, name: string): string | undefined => {
  const attrs = node[":@"] as Record<string, string> | undefined;
  return attrs?.[name];
};
const child = (node: Node, tag: string) => childrenOf(node).find((c) => tagOf(c) === tag);
const textOf = (node: Node): string =>
  childrenOf(node)
    .map((c) => (typeof c["#text"] === "string" ? c["#text"] : ""))
    .join("");

/** Every node with this tag, at any depth below `node`. */
function findAll(node: Node, tag: string, out: Node[] = []): Node[] {
  for (const c of childrenOf(node)) {
    if (tagOf(c) === tag) out.push(c);
    findAll(c, tag, out);
  }
  return out;
}

const isOn = (node: Node | undefined) => {
  if (!node) return false;
  const v = attr(node, "w:val");
  return v === undefined || !["0", "false", "off", "none"].includes(v.toLowerCase());
};

/** Red as Word users pick it: FF0000, C00000, E53935… strong red, little green and blue. */
export function isRed(hex: string | undefined): boolean {
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
}

function runMarks(rPr: Node | undefined): Set<Mark> {
  const marks = new Set<Mark>();
  if (!rPr) return marks;
  if (isOn(child(rPr, "w:b"))) marks.add("bold");
  const u = child(rPr, "w:u");
  if (u && (attr(u, "w:val") ?? "single") !== "none") marks.add("underline");
  if (isRed(attr(child(rPr, "w:color") ?? {}, "w:val"))) marks.add("red");
  const highlight = child(rPr, "w:highlight");
  if (highlight && (attr(highlight, "w:val") ?? "none") !== "none") marks.add("highlight");
  const shd = child(rPr, "w:shd");
  const fill = shd ? attr(shd, "w:fill") : undefined;
  if (fill && !["auto", "FFFFFF", "ffffff"].includes(fill)) marks.add("highlight");
  return marks;
}

export interface DocumentParts {
  document: string;
  relationships: string | null;
  numbering: string | null;
  styles: string | null;
  /** Every file in the package by its path ("word/media/image1.png"), for pictures. */
  media: ReadonlyMap<string, Buffer>;
}

interface Context {
  pictureTargets: Map<string, string>;
  media: ReadonlyMap<string, Buffer>;
  numberingKinds: Map<string, "number" | "letter" | "bullet">;
  headingStyles: Set<string>;
}

function readRelationships(xml: string | null): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  for (const root of parseXml(xml))
    for (const rel of findAll(root, "Relationship")) {
      const id = attr(rel, "Id");
      const target = attr(rel, "Target");
      if (!id || !target || attr(rel, "TargetMode") === "External") continue;
      const path = target.startsWith("/") ? target.slice(1) : `word/${target}`;
      targets.set(id, path.replace(/\/\.\//g, "/"));
    }
  return targets;
}

/** numId + level → what the numbers look like ("decimal" → number, "upperLetter" → letter). */
function readNumbering(xml: string | null): Map<string, "number" | "letter" | "bullet"> {
  const kinds = new Map<string, "number" | "letter" | "bullet">();
  if (!xml) return kinds;
  const abstract = new Map<string, Map<string, string>>();
  const nums: [string, string][] = [];
  for (const root of parseXml(xml)) {
    for (const a of findAll(root, "w:abstractNum")) {
      const levels = new Map<string, string>();
      for (const lvl of findAll(a, "w:lvl"))
        levels.set(attr(lvl, "w:ilvl") ?? "0", attr(child(lvl, "w:numFmt") ?? {}, "w:val") ?? "decimal");
      abstract.set(attr(a, "w:abstractNumId") ?? "", levels);
    }
    for (const n of findAll(root, "w:num"))
      nums.push([attr(n, "w:numId") ?? "", attr(child(n, "w:abstractNumId") ?? {}, "w:val") ?? ""]);
  }
  for (const [numId, abstractId] of nums)
    for (const [level, fmt] of abstract.get(abstractId) ?? []) {
      const kind = /letter/i.test(fmt) ? "letter" : fmt === "bullet" || fmt === "none" ? "bullet" : "number";
      kinds.set(`${numId}:${level}`, kind);
    }
  return kinds;
}

function readHeadingStyles(xml: string | null): Set<string> {
  const ids = new Set<string>();
  if (!xml) return ids;
  for (const root of parseXml(xml))
    for (const style of findAll(root, "w:style")) {
      const id = attr(style, "w:styleId");
      const name = attr(child(style, "w:name") ?? {}, "w:val") ?? "";
      const outline = findAll(style, "w:outlineLvl").length > 0;
      if (id && (/^(heading \d|title)$/i.test(name) || outline)) ids.add(id);
    }
  return ids;
}

/** A paragraph as one or more lines (a manual line break starts a new one). */
function paragraphLines(p: Node, ctx: Context): Line[] {
  const pPr = child(p, "w:pPr");
  const styleId = pPr ? attr(child(pPr, "w:pStyle") ?? {}, "w:val") : undefined;
  const heading =
    (styleId !== undefined && (ctx.headingStyles.has(styleId) || /^(heading\d|title)$/i.test(styleId))) ||
    (pPr !== undefined && child(pPr, "w:outlineLvl") !== undefined);
  const numPr = pPr ? child(pPr, "w:numPr") : undefined;
  let numbering: Line["numbering"] = null;
  if (numPr) {
    const numId = attr(child(numPr, "w:numId") ?? {}, "w:val") ?? "0";
    const level = Number(attr(child(numPr, "w:ilvl") ?? {}, "w:val") ?? "0");
    if (numId !== "0")
      numbering = { kind: ctx.numberingKinds.get(`${numId}:${level}`) ?? "number", level, numId };
  }
  const lines: Line[] = [];
  let current: Line = { segments: [], pictures: [], heading, numbering };
  const length = () => current.segments.reduce((n, s) => n + s.text.length, 0);
  const visit = (node: Node) => {
    for (const c of childrenOf(node)) {
      const tag = tagOf(c);
      if (tag === "w:r") run(c);
      else if (["w:hyperlink", "w:ins", "w:smartTag", "w:sdt", "w:sdtContent", "w:fldSimple"].includes(tag))
        visit(c);
    }
  };
  const run = (r: Node) => {
    const marks = runMarks(child(r, "w:rPr"));
    for (const c of childrenOf(r)) {
      const tag = tagOf(c);
      if (tag === "w:t") current.segments.push({ text: textOf(c), marks });
      else if (tag === "w:tab" || tag === "w:ptab") current.segments.push({ text: "\t", marks: new Set() });
      else if (tag === "w:br" || tag === "w:cr") {
        if (attr(c, "w:type") === "page") continue;
        lines.push(current);
        current = { segments: [], pictures: [], heading, numbering: null };
      } else if (tag === "w:drawing" || tag === "w:pict" || tag === "mc:AlternateContent") {
        const picture = pictureOf(c, ctx);
        if (picture) current.pictures.push({ ...picture, at: length() });
      }
    }
  };
  visit(p);
  lines.push(current);
  return lines;
}

function pictureOf(node: Node, ctx: Context): Omit<LinePicture, "at"> | null {
  const blip = findAll(node, "a:blip")[0];
  const rId = blip ? attr(blip, "r:embed") : attr(findAll(node, "v:imagedata")[0] ?? {}, "r:id");
  if (!rId) return null;
  const path = ctx.pictureTargets.get(rId);
  const data = path ? ctx.media.get(path) : undefined;
  if (!path || !data) return null;
  const docPr = findAll(node, "wp:docPr")[0];
  const alt = (docPr ? (attr(docPr, "descr") ?? attr(docPr, "title") ?? "") : "").trim();
  return { name: baseName(path), alt, data };
}

/** The document's body, in order: lines, and tables as rows of cells of lines. */
export function readBlocks(parts: DocumentParts): Block[] {
  const ctx: Context = {
    pictureTargets: readRelationships(parts.relationships),
    media: parts.media,
    numberingKinds: readNumbering(parts.numbering),
    headingStyles: readHeadingStyles(parts.styles),
  };
  const blocks: Block[] = [];
  const body = parseXml(parts.document)
    .flatMap((root) => findAll(root, "w:body"))
    .at(0);
  if (!body) return blocks;
  const walk = (container: Node) => {
    for (const node of childrenOf(container)) {
      const tag = tagOf(node);
      if (tag === "w:p") for (const line of paragraphLines(node, ctx)) blocks.push({ kind: "line", line });
      else if (tag === "w:sdt") {
        const content = child(node, "w:sdtContent");
        if (content) walk(content);
      } else if (tag === "w:tbl") {
        const rows = childrenOf(node)
          .filter((r) => tagOf(r) === "w:tr")
          .map((tr) =>
            childrenOf(tr)
              .filter((tc) => tagOf(tc) === "w:tc")
              .map((tc) => findAll(tc, "w:p").flatMap((p) => paragraphLines(p, ctx))),
          );
        blocks.push({ kind: "table", rows });
      }
    }
  };
  walk(body);
  return blocks;
}
