// Type-checked typescript-eslint rules over the whole UI, plus the React hooks rules.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // bindings.ts is generated from Rust (src-tauri/src/bindings.rs).
  { ignores: ["dist", "src/lib/bindings.ts"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Numbers in template strings (counts, scores) read naturally and are safe.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Event handlers that start async work return promises on purpose; errors are handled inside.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // WebKitGTK never frees an element whose inline style was changed through the CSSOM (React's `style` prop
      // does that): inline styles go through lib/styleAttribute.ts, which writes the attribute.
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='style']",
          message:
            "Use ref={styleRef(…)} from lib/styleAttribute: WebKitGTK leaks elements styled through the CSSOM.",
        },
        {
          selector: "MemberExpression[property.name='style'][object.type!='ThisExpression']",
          message: "Use setStyle from lib/styleAttribute: WebKitGTK leaks elements styled through the CSSOM.",
        },
      ],
    },
  },
  {
    // Tauri's invoke rejects with the plain object Rust serialised ({ kind, message, path }); tests throw exactly that.
    files: ["src/**/*.test.{ts,tsx}", "src/test/**"],
    rules: { "@typescript-eslint/only-throw-error": "off" },
  },
  {
    files: ["eslint.config.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
