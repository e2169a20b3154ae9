export const bank = {
  // Problems found in a question file, one per code (app/rules/question-formats/problems.ts).
  "bank.problem.atLine": "Dòng {line}: {message}",
  "bank.problem.missingText": "chưa có nội dung câu hỏi",
  "bank.problem.tooFewOptions": "cần ít nhất {min} phương án trả lời",
  "bank.problem.tooManyOptions": "nhiều nhất {max} phương án trả lời (A đến F)",
  "bank.problem.emptyOption": "có phương án để trống: hãy điền nội dung hoặc xóa phương án đó",
  "bank.problem.duplicateOption": "có hai phương án giống nhau: mỗi phương án phải khác nhau",
  "bank.problem.missingCorrect": "chưa có đáp án đúng",
  "bank.problem.correctOutOfRange": "đáp án đúng phải là một trong các phương án có nội dung ({letters})",
  "bank.problem.duplicateCorrect": "một đáp án đúng được ghi hai lần",
  "bank.problem.singleHasSeveral": "câu một đáp án (hoặc Đúng/Sai) chỉ được có đúng một đáp án đúng",
  "bank.problem.multipleHasOne":
    'câu nhiều đáp án cần ít nhất hai đáp án đúng; nếu chỉ có một, hãy chọn loại "Một đáp án"',
  "bank.problem.trueFalseOptions": 'câu Đúng/Sai phải có đúng hai phương án: A là "Đúng", B là "Sai"',
  "bank.problem.missingExplanation": "chưa có giải thích đáp án",
  "bank.problem.missingSource": "chưa có nguồn (văn bản làm căn cứ cho câu hỏi)",
  "bank.problem.missingTopic": "chưa có chủ đề",
  "bank.problem.missingDifficulty": "chưa có mức độ: chọn Dễ, Trung bình hoặc Khó",
  "bank.problem.unknownDifficulty": 'mức độ "{value}" không hợp lệ: chọn một trong {allowed}',
  "bank.problem.missingType": "chưa có loại câu hỏi: chọn Một đáp án, Nhiều đáp án hoặc Đúng/Sai",
  "bank.problem.unknownType": 'loại câu hỏi "{value}" không hợp lệ: chọn một trong {allowed}',
  "bank.problem.badCorrectLetter":
    'đáp án đúng "{value}" không hợp lệ: ghi chữ cái của phương án ({letters}), nhiều đáp án cách nhau bằng dấu phẩy',
  "bank.problem.optionGap":
    "phương án {letter} để trống trong khi phương án {next} có nội dung: điền các phương án liên tục từ A",
  "bank.problem.topicTooLong": "tên chủ đề quá dài (tối đa {max} ký tự)",
  "bank.problem.textTooLong": "câu hỏi quá dài (tối đa {max} ký tự)",
  "bank.problem.optionTooLong": "phương án {letter} quá dài (tối đa {max} ký tự)",
  "bank.problem.explanationTooLong": "giải thích quá dài (tối đa {max} ký tự)",
  "bank.problem.sourceTooLong": "nguồn quá dài (tối đa {max} ký tự mỗi phần)",
  "bank.problem.tagTooLong": "có thẻ quá dài (tối đa {max} ký tự mỗi thẻ)",
  "bank.problem.tooManyTags": "quá nhiều thẻ (tối đa {max} thẻ)",
  "bank.problem.formulaWithoutResult":
    "ô ở cột {column} là công thức chưa có kết quả: hãy nhập nội dung dạng chữ thay cho công thức",
  "bank.problem.mergedCells": "có ô gộp ở cột {columns}: hãy bỏ gộp ô và điền đủ nội dung cho từng dòng",
  "bank.problem.giftUnclosedBrace": "thiếu dấu } đóng phần đáp án",
  "bank.problem.giftNoAnswers": "không có phần đáp án {…} sau câu hỏi",
  "bank.problem.giftUnsupportedQuestion":
    "dạng câu hỏi GIFT này không được hỗ trợ ({kind}): chỉ nhận câu nhiều lựa chọn và Đúng/Sai",
  "bank.problem.giftPartialCredit":
    "phương án {letter} được tính điểm một phần: hệ thống không hỗ trợ điểm một phần, hãy để phương án đúng hoặc sai hẳn",
  "bank.problem.giftBadMeta": "dòng chú thích // @meta không đọc được: hãy sửa hoặc xóa dòng đó",
  "bank.problem.aikenOptionOrder": 'phương án phải ghi lần lượt A, B, C…: dòng "{value}" không đúng thứ tự',
  "bank.problem.aikenBadLine": 'dòng "{value}" không phải phương án (A. …) hay dòng ANSWER: …',
  "bank.problem.bankMissingField": 'thiếu trường "{field}"',
  "bank.problem.bankInvalidField": 'trường "{field}" không hợp lệ',
  "bank.problem.bankUnknownField": 'trường "{field}" không có trong định dạng ngân hàng câu hỏi',
  "bank.problem.bankBadKey": 'mã câu hỏi "{key}" không đúng dạng <tiền tố chủ đề>-<3 chữ số>, ví dụ kts-004',
  "bank.problem.bankDuplicateKey":
    'mã câu hỏi "{key}" đã dùng cho câu hỏi ở dòng {other}: mỗi câu cần một mã riêng',
  "bank.problem.bankKeyUsedElsewhere":
    'mã câu hỏi "{key}" đã dùng trong {other}: mỗi câu cần một mã riêng trong cả ngân hàng',
  "bank.problem.duplicateInFile": "trùng nội dung với câu hỏi {other}",
  "bank.problem.duplicateOfLine": "trùng nội dung với câu hỏi ở dòng {other}",
  "bank.problem.duplicateExisting": "trùng nội dung với một câu hỏi đã có trong ngân hàng",
  "bank.problem.fileEmpty": "tệp trống",
  "bank.problem.fileTooLarge": "tệp quá lớn (tối đa {maxMb} MB)",
  "bank.problem.noQuestions": "tệp không có câu hỏi nào",
  "bank.problem.notAWorkbook": "tệp không phải tệp Excel (.xlsx)",
  "bank.problem.oldExcelFormat": "tệp Excel dạng cũ (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx",
  "bank.problem.tooManyRows":
    "tệp có quá {max} dòng câu hỏi: hãy chia thành nhiều tệp nhỏ hơn (không dòng nào được nhập)",
  "bank.problem.workbookTooLarge": "tệp Excel chứa dữ liệu nén quá lớn, không thể đọc an toàn",
  "bank.problem.workbookUnreadable": "tệp Excel bị hỏng hoặc không đọc được: hãy mở và lưu lại bằng Excel",
  "bank.problem.noSheet": "tệp Excel không có trang tính nào",
  "bank.problem.wrongHeader":
    "dòng 1 không phải dòng tiêu đề của mẫu: thiếu cột {missing}. Các cột theo thứ tự: {expected}",
  "bank.problem.notTextFile": "tệp không phải tệp văn bản {format}",
  "bank.problem.notUtf8": "tệp {format} không ở mã UTF-8: trong Excel chọn Lưu dưới dạng → CSV UTF-8",
  "bank.problem.csvMalformed": "tệp CSV sai cấu trúc ở dòng {line} (thường do thiếu dấu ngoặc kép đóng)",
  "bank.problem.notJson": "tệp không phải JSON hợp lệ: {detail}",
  "bank.problem.bankNotObject": 'tệp ngân hàng câu hỏi phải có dạng { "topic": …, "questions": [ … ] }',
  "bank.problem.bankMissingTopic": 'tệp ngân hàng câu hỏi chưa có chủ đề ("topic")',
  "bank.problem.fileUnreadable": "không đọc được tệp: hãy kiểm tra lại tệp có đúng định dạng không",
  "bank.problem.unsupportedFormat":
    "không nhận dạng được định dạng tệp: dùng .xlsx, .csv, .gift, .aiken (hoặc .txt) hay .json",

  // questions:check output (scripts/questions-check.ts)
  "bank.check.atKey": "{file}, {key}: {message}",
  "bank.check.atLine": "{file}, dòng {line}: {message}",
  "bank.check.atFile": "{file}: {message}",

  // The downloadable Excel template: its second sheet
  "bank.template.sheet": "Hướng dẫn",
  "bank.template.title": "Cách điền tệp câu hỏi",
  "bank.template.rows":
    "Mỗi dòng của trang tính đầu tiên là một câu hỏi. Giữ nguyên dòng tiêu đề (dòng 1) và thứ tự các cột; xóa dòng ví dụ trước khi nhập.",
  "bank.template.number": "STT: số thứ tự để tiện theo dõi, có thể để trống.",
  "bank.template.topic": "Chủ đề: tên chủ đề đúng như trong danh sách chủ đề của ban tổ chức.",
  "bank.template.difficulty": "Mức độ: chọn Dễ, Trung bình hoặc Khó.",
  "bank.template.type": "Loại: chọn Một đáp án, Nhiều đáp án hoặc Đúng/Sai.",
  "bank.template.text": "Câu hỏi: nội dung câu hỏi, tối đa 2000 ký tự.",
  "bank.template.options":
    "A đến F: từ 2 đến 6 phương án, điền liên tục từ cột A, không bỏ trống ở giữa. Câu Đúng/Sai có thể để trống A, B (tự điền Đúng, Sai).",
  "bank.template.correct":
    "Đáp án đúng: chữ cái của phương án đúng, ví dụ B; câu nhiều đáp án ghi các chữ cái cách nhau bằng dấu phẩy, ví dụ A, C.",
  "bank.template.explanation": "Giải thích: bắt buộc, hiển thị cho thí sinh sau khi vòng thi kết thúc.",
  "bank.template.source":
    "Nguồn: bắt buộc. Ghi số văn bản, tên văn bản và điều khoản, cách nhau bằng dấu gạch dài có dấu cách hai bên ( — ), ví dụ: Quyết định 749/QĐ-TTg ngày 03/6/2020 — Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 — Điều 1.",
  "bank.template.tags": "Thẻ: không bắt buộc, các thẻ cách nhau bằng dấu phẩy.",
  "bank.template.noFormulas":
    "Không dùng công thức, không gộp ô. Nội dung bắt đầu bằng dấu =, +, - hay @ vẫn được giữ nguyên là chữ.",
  "bank.template.upload":
    "Tải tệp lên mục Ngân hàng câu hỏi → Nhập từ tệp: hệ thống liệt kê lỗi của từng dòng để sửa; chưa có gì được ghi vào ngân hàng cho đến khi bạn xác nhận.",
} as const;
