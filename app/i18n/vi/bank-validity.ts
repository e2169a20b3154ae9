/**
 * Validity of questions, superseded documents, item-writing checks and the bank commands (issue 12).
 * Problem codes keep the `bank.problem.<code>` form every question format renders.
 */
export const bankValidity = {
  "bank.problem.badValidDate": "ngày hiệu lực “{value}” không đúng dạng YYYY-MM-DD (ví dụ 2024-07-01)",
  "bank.problem.validUntilNotAfterFrom":
    "ngày hết đúng ({until}) phải sau ngày bắt đầu đúng ({from}): khoảng hiệu lực là [từ, đến)",
  "bank.problem.badExclusionGroup":
    "nhóm loại trừ “{group}” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang",
  "bank.problem.basisSuperseded":
    "căn cứ {document} đã được thay bằng {replacedBy} từ {from}, nhưng câu hỏi vẫn được coi là đúng sau ngày đó: đặt validUntil là {from} hoặc viết câu mới theo văn bản mới",
  "bank.problem.supersededNotObject":
    "tệp văn bản hết hiệu lực phải là một đối tượng JSON có danh sách “documents”",
  "bank.problem.supersededBadEntry":
    "mục thứ {index} của danh sách văn bản hết hiệu lực sai trường “{field}”",
  // Item-writing warnings: the rule's name, then one sentence saying why it matters.
  "bank.problem.keyMuchLonger":
    "[keyMuchLonger] đáp án đúng dài gấp {ratio} lần trung bình các phương án nhiễu: thí sinh đoán được đáp án nhờ độ dài, hãy viết các phương án dài tương đương",
  "bank.problem.absoluteOnlyInDistractors":
    "[absoluteOnlyInDistractors] chỉ các phương án sai mới có từ tuyệt đối ({words}): thí sinh quen thi sẽ loại chúng mà không cần biết kiến thức",
  "bank.problem.leakPair":
    "[leakPair] các phương án của câu này và câu {other} chứa đáp án của nhau (“{key}”): đặt hai câu vào cùng một nhóm loại trừ để không bốc chung một lượt",
  "bank.problem.nearDuplicateStem":
    "[nearDuplicateStem] đề gần trùng với câu {other} (giống {similarity}): hỏi cùng một điều hai lần, hãy bỏ một câu hoặc đặt chung nhóm loại trừ",
  "bank.problem.keyLongestShareHigh":
    "[keyLongestShareHigh] đáp án đúng dài nhất ở {share} số câu một đáp án (mục tiêu ≤ 30%): chọn phương án dài nhất là đoán trúng quá thường",
  "bank.problem.trueFalseImbalance":
    "[trueFalseImbalance] {share} số câu Đúng/Sai có đáp án “Đúng” (mục tiêu 40–60%): luôn chọn “Đúng” sẽ được điểm quá nhiều",
  "bank.problem.multipleOneWrongHigh":
    "[multipleOneWrongHigh] {share} số câu nhiều đáp án chỉ có một phương án sai: thí sinh chỉ cần tìm câu vô lý nhất",
  "bankValidity.round.validOn":
    "Chỉ đếm các câu có đáp án đúng vào ngày đối chiếu của cuộc thi ({date}); câu chưa có hoặc đã hết hiệu lực không được bốc.",
  "bankValidity.form.validFrom": "Đúng từ ngày",
  "bankValidity.form.validUntil": "Hết đúng từ ngày",
  "bankValidity.form.validityHint":
    "Để trống nếu đáp án luôn đúng. “Hết đúng từ ngày” là ngày đầu tiên đáp án không còn đúng (ví dụ ngày văn bản mới có hiệu lực); chỉ các câu đúng vào ngày đối chiếu của cuộc thi mới được bốc.",
  "bankValidity.form.basis": "Văn bản làm căn cứ (số hiệu, cách nhau bằng dấu phẩy)",
  "bankValidity.form.exclusionGroups": "Nhóm loại trừ (các câu cùng nhóm không bốc chung một lượt)",
  "bankValidity.form.cues": "Cảnh báo cách viết câu hỏi (vẫn lưu được):",
  "bankValidity.expiring.title": "Câu hỏi hết đúng trong năm {year}",
  "bankValidity.expiring.hint":
    "Tính từ ngày đối chiếu của cuộc thi ({date}) đến hết năm: sau ngày ghi ở cột đầu, đáp án không còn đúng và câu không được bốc nữa. Hãy viết câu thay thế theo văn bản mới.",
  "bankValidity.expiring.none": "Không có câu nào hết đúng trong năm của cuộc thi.",
  "bankValidity.expiring.until": "Hết đúng từ",
  "bankValidity.expiring.question": "Câu hỏi",
  "bankValidity.expiring.basis": "Căn cứ",
  "bankValidity.import.warningsTitle": "Cảnh báo ({n}): vẫn nhập được",
  "bankValidity.import.warningsHint":
    "Câu thiếu giải thích hoặc nguồn sẽ được nhập dưới dạng bản nháp; các cảnh báo về cách viết (kèm tên quy tắc) giúp sửa câu trước khi duyệt.",
  "bankValidity.check.warning": "cảnh báo",
  "bankValidity.check.figures": "Chỉ số viết câu hỏi của bộ câu hỏi:",
  "bankValidity.check.keyLongest":
    "- đáp án đúng dài nhất: {count}/{of} câu một đáp án ({share}; mục tiêu ≤ 30%)",
  "bankValidity.check.keyedTrue": "- đáp án “Đúng”: {count}/{of} câu Đúng/Sai ({share}; mục tiêu 40–60%)",
  "bankValidity.check.oneWrong": "- chỉ một phương án sai: {count}/{of} câu nhiều đáp án ({share})",
  "bankValidity.check.leaks": "- cặp câu lộ đáp án ngoài nhóm loại trừ: {outside} (tổng {all} cặp)",
  "bankValidity.check.suggest": "Gợi ý nhóm loại trừ (dán vào từng câu):",
  "bankValidity.check.suggestLine": '- "exclusionGroups": ["{group}"] cho {refs}',
  "bankValidity.check.topicFileSkipped":
    "bỏ qua {file}: đây là bảng văn bản hết hiệu lực, không phải một chủ đề",
} as const;
