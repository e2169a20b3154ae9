import { createBoardContestant, takeRound } from "./board-fixtures";
const names = ["Nguyễn Thị Thu Hà","Lê Văn Bảo","Trần Quốc Toản","Phạm Thị Ngọc Lan","Võ Minh Khôi","Đặng Thị Ánh Tuyết","Huỳnh Công Thành","Bùi Thị Xuân Mai","Tạ Đình Phong","Ngô Thị Bích Trâm","Dương Văn Lực","Trương Mỹ Linh","Lâm Quang Vinh"];
const scores = [12, 17, 15, 19, 9, 14, 18, 11, 16, 13, 20, 8, 10];
for (let i = 0; i < names.length; i++) await takeRound(await createBoardContestant(names[i]), 1, scores[i]);
console.log("ok");
