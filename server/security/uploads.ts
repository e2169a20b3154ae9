/**
 * The upload guard lives with the rules (app/rules/upload-guard.ts): it only measures bytes, and the file
 * formats under app/rules/ call it without reaching into the server (issue 16). Re-exported here for the
 * server's own callers and docs/security.md.
 */
export * from "~/rules/upload-guard";
