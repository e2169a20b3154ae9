import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".cache/**",
      "build/**",
      "data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  // Layer rules: routes and realtime
  // Pages read the board from its read model (`#server/contest/board`) through their loaders; the realtime
  // layer only sends and receives, and no page or component reaches into it (docs/architecture.md).
  {
    files: ["app/routes/**", "app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^#server|(^|/)server)/realtime(/|$)",
              message:
                "Routes and components do not import the realtime layer: read from the contest services (e.g. #server/contest/board); the browser's side is ~/realtime/client.",
            },
          ],
        },
      ],
    },
  },
);
