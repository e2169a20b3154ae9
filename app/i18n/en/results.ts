import type { results as vi } from "../vi/results";

export const results: Record<keyof typeof vi, string> = {};
