import type { questions as vi } from "../vi/questions";

export const questions: Record<keyof typeof vi, string> = {};
