import type { media as vi } from "../vi/media";

/** Word files and pictures in questions (issue 15). */
export const media: Record<keyof typeof vi, string> = {
  "media.problem.atQuestion": "{at} (“{quote}”): {message}",
  "bank.problem.wordNoKey":
    "no correct answer found — underline, bold or colour the answer red, or add a line 'Đáp án: …'",
  "bank.problem.pictureNoAlt":
    "the picture has no description: in Word right-click it → “Edit Alt Text”, or add a line 'Mô tả hình: …'",
  "bank.problem.tooManyPictures": "a question may have one picture; remove the extra ones",
  "bank.problem.pictureNotFound": "the picture “{name}” is not in the .zip's pictures/ folder",
  "bank.problem.pictureUnreadable": "the picture “{name}” cannot be read: only PNG, JPEG or WebP",
  "bank.problem.pictureTooLarge":
    "the picture “{name}” is too large (at most {maxMb} MB and {maxPixels} megapixels)",
  "bank.problem.wordOldFormat":
    "this is an old Word file (.doc) or a password-protected one: open it in Word and save it as .docx",
  "bank.problem.wordMacros": "Word files with macros (.docm) are refused: save it as a .docx without macros",
  "bank.problem.wordIsWorkbook": "this file is an Excel workbook renamed: give it back its .xlsx name",
  "bank.problem.notAWordDocument": "this file is not a readable Word document (.docx)",
  "bank.problem.zipNoWorkbook": "the .zip must hold one .xlsx or .csv question file and a pictures/ folder",

  "media.sampleDocxLink": "Download the sample Word document (.docx)",
  "media.picture": "Picture",
  "media.pictureAlt": "Picture description (required)",
  "media.pictureAltHint":
    "A short sentence saying what the picture shows, read by screen readers and shown if the picture fails.",
  "media.pictureFile": "Choose a picture (PNG, JPEG or WebP, at most {maxMb} MB)",
  "media.pictureSave": "Save the picture",
  "media.pictureSaved": "The question's picture is saved.",
  "media.pictureRemoved": "The question's picture is removed.",
  "media.pictureRemove": "Remove the picture",
  "media.pictureAltMissing": "Enter a description of the picture",
  "media.pictureBad": "The picture cannot be read: only PNG, JPEG or WebP, at most {maxMb} MB",
  "media.withPicture": "with picture",
  "media.exportPicturesNote":
    "Excel and CSV with pictures are exported as a .zip (the sheet and a pictures/ folder). GIFT and Aiken cannot carry pictures: they are left out.",
  "media.exportNoPictures":
    "{n} questions have pictures: GIFT and Aiken cannot carry them, the export leaves them out.",
  "media.importHint": "Word files (.docx) and a .zip with a sheet and a pictures/ folder are read too.",
  "media.resultsPictureColumn": "Picture",
};
