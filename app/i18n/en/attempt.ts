import type { attempt as vi } from "../vi/attempt";

export const attempt: Record<keyof typeof vi, string> = {};
