/**
 * Real Word documents for tests and the sample download, written with the `docx` package (issue 15):
 * a small language of lines where `_x_` is underlined, `*x*` bold, `!x!` red and `^x^` highlighted.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from "docx";

export type WordItem =
  | string
  | { heading: string }
  | { picture: Uint8Array; alt?: string; type?: "png" | "jpg" }
  | { numbered: "question" | "option"; text: string }
  | { table: string[][] }
  /** Several runs on one line, e.g. options separated by tabs. */
  | { runs: string[] };

/** "A. _Mã OTP_" → runs with their marks. */
export function markedRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /_([^_]+)_|\*([^*]+)\*|!([^!]+)!|\^([^^]+)\^|\t|([^_*!^\t]+)/g;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined) runs.push(new TextRun({ text: m[1], underline: {} }));
    else if (m[2] !== undefined) runs.push(new TextRun({ text: m[2], bold: true }));
    else if (m[3] !== undefined) runs.push(new TextRun({ text: m[3], color: "FF0000" }));
    else if (m[4] !== undefined) runs.push(new TextRun({ text: m[4], highlight: "yellow" }));
    else if (m[0] === "\t") runs.push(new TextRun({ children: ["\t"] }));
    else runs.push(new TextRun({ text: m[5]! }));
  }
  return runs;
}

function paragraphOf(item: WordItem): Paragraph | Table {
  if (typeof item === "string") return new Paragraph({ children: markedRuns(item) });
  if ("heading" in item)
    return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(item.heading)] });
  if ("picture" in item) {
    const children: ParagraphChild[] = [
      new ImageRun({
        type: item.type ?? "png",
        data: item.picture,
        transformation: { width: 160, height: 120 },
        ...(item.alt !== undefined
          ? { altText: { name: "Hình", description: item.alt, title: item.alt } }
          : {}),
      }),
    ];
    return new Paragraph({ children });
  }
  if ("numbered" in item)
    return new Paragraph({
      numbering: { reference: item.numbered === "question" ? "questions" : "options", level: 0 },
      children: markedRuns(item.text),
    });
  if ("runs" in item) return new Paragraph({ children: item.runs.flatMap((r) => markedRuns(r)) });
  return new Table({
    rows: item.table.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (c) => new TableCell({ children: [new Paragraph({ children: markedRuns(c) })] }),
          ),
        }),
    ),
  });
}

export async function wordDocument(items: readonly WordItem[]): Promise<Buffer> {
  const document = new Document({
    creator: "Hội thi Chuyển đổi số",
    numbering: {
      config: [
        {
          reference: "questions",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "Câu %1.", alignment: AlignmentType.LEFT }],
        },
        {
          reference: "options",
          levels: [
            { level: 0, format: LevelFormat.UPPER_LETTER, text: "%1.", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children: items.map(paragraphOf) }],
  });
  return Packer.toBuffer(document);
}
