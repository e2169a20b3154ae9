/** Word files and pictures in questions (issue 15). */
export const media = {
  "media.problem.atQuestion": "{at} («{quote}»): {message}",
  "bank.problem.wordNoKey":
    "không tìm thấy đáp án đúng — hãy gạch chân, in đậm hoặc tô đỏ đáp án, hoặc thêm dòng 'Đáp án: …'",
  "bank.problem.pictureNoAlt":
    "hình chưa có mô tả: trong Word bấm chuột phải vào hình → “Sửa văn bản thay thế”, hoặc thêm dòng 'Mô tả hình: …'",
  "bank.problem.tooManyPictures": "câu hỏi chỉ được có một hình; hãy bỏ bớt hình thừa",
  "bank.problem.pictureNotFound": "không có hình “{name}” trong thư mục pictures/ của tệp .zip",
  "bank.problem.pictureUnreadable": "hình “{name}” không đọc được: chỉ nhận PNG, JPEG hoặc WebP",
  "bank.problem.pictureTooLarge": "hình “{name}” quá lớn (tối đa {maxMb} MB và {maxPixels} megapixel)",
  "bank.problem.wordOldFormat":
    "đây là tệp Word cũ (.doc) hoặc tệp có mật khẩu: hãy mở trong Word và lưu lại dạng .docx (Tệp → Lưu thành → Word Document)",
  "bank.problem.wordMacros":
    "tệp Word có macro (.docm) không được nhận: hãy lưu lại dạng .docx không có macro",
  "bank.problem.wordIsWorkbook": "tệp này là bảng tính Excel đổi tên: hãy đặt lại đuôi .xlsx",
  "bank.problem.notAWordDocument": "tệp này không phải văn bản Word (.docx) đọc được",
  "bank.problem.zipNoWorkbook":
    "tệp .zip phải có một tệp câu hỏi .xlsx hoặc .csv và thư mục pictures/ chứa các hình",

  "media.sampleDocxLink": "Tải văn bản Word mẫu (.docx)",
  "media.picture": "Hình",
  "media.pictureAlt": "Mô tả hình (bắt buộc)",
  "media.pictureAltHint":
    "Một câu ngắn nói hình có gì, để người dùng trình đọc màn hình nghe được và hiện ra khi hình không tải được.",
  "media.pictureFile": "Chọn hình (PNG, JPEG hoặc WebP, tối đa {maxMb} MB)",
  "media.pictureSave": "Lưu hình",
  "media.pictureSaved": "Đã lưu hình của câu hỏi.",
  "media.pictureRemoved": "Đã bỏ hình của câu hỏi.",
  "media.pictureRemove": "Bỏ hình",
  "media.pictureAltMissing": "Hãy nhập mô tả hình",
  "media.pictureBad": "Hình không đọc được: chỉ nhận PNG, JPEG hoặc WebP, tối đa {maxMb} MB",
  "media.withPicture": "có hình",
  "media.exportPicturesNote":
    "Excel và CSV kèm hình được xuất thành tệp .zip (bảng tính và thư mục pictures/). GIFT và Aiken không mang được hình: các hình không có trong tệp xuất.",
  "media.exportNoPictures":
    "{n} câu có hình: GIFT và Aiken không mang được hình, tệp xuất không có các hình này.",
  "media.importHint": "Nhận cả tệp Word (.docx) và tệp .zip gồm bảng tính và thư mục pictures/.",
  "media.resultsPictureColumn": "Hình",
} as const;
