import type { board as vi } from "../vi/board";

export const board: Record<keyof typeof vi, string> = {};
