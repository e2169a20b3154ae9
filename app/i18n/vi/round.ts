export const round = {
  "round.phase.upcoming": "Sắp mở",
  "round.phase.open": "Đang mở",
  "round.phase.closed": "Đã đóng",
  "round.opens": "Mở lúc {time}",
  "round.closes": "Đóng lúc {time}",
  "round.duration": "Thời gian làm bài: {minutes} phút",
  "round.questionCount": "{n} câu hỏi",
} as const;
