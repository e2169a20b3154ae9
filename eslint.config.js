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

  // Layer rules: rules and db
  // Issue 16, docs/architecture.md ("Layers"). Each path is caught in its alias form (tsconfig `paths`:
  // `~/` is app/, `#db/`, `#server/`) and in its relative form; tests under these folders are held to it too.
  {
    files: ["app/rules/**/*.ts", "app/rules/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^~/(i18n|routes|components)(/|$)|^(\\.\\./)+(app/)?(i18n|routes|components)(/|$)",
              message:
                "A rule speaks in codes and its values; the page, the command line or the export puts them into words (app/i18n). Rules never import routes or components.",
            },
            {
              regex: "^#(db|server)/|^(\\.\\./)+(db|server)(/|$)",
              message:
                "Rules are pure: no database, no server. Pass what a rule needs in as a value or a function.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^#server/|^(\\.\\./)+server(/|$)",
              message:
                "db/ never imports the server: a seed or repository gets what it needs (a hash function…) from its caller.",
            },
            {
              regex: "^~/(?!rules(/|$))|^(\\.\\./)+app(/(?!rules(/|$))|$)",
              message: "db/ may import the pure rules (~/rules/…) and nothing else of app/.",
            },
          ],
        },
      ],
    },
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
