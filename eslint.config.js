// ESLint flat config for the extension (plain JS, no build step) and its tests.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const extensionGlobals = {
  ...globals.browser,
  chrome: "readonly",
  browser: "readonly",
  module: "readonly",
  require: "readonly",
};

module.exports = [
  { ignores: ["node_modules/**", ".venv/**", "guard/**", "tests/fixtures/**"] },
  js.configs.recommended,
  {
    files: ["extension/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: extensionGlobals,
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: ["error", "always"],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      // Page text is hostile and LinkedIn enforces Trusted Types: no HTML sinks.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use createElement/textContent (Trusted Types; hostile page text)." },
        { property: "outerHTML", message: "Use createElement/textContent (Trusted Types; hostile page text)." },
        { property: "insertAdjacentHTML", message: "Use createElement/textContent (Trusted Types; hostile page text)." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "No document.write." },
      ],
    },
  },
  {
    files: ["tests/extension/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
