import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  NativeSelect,
  PasswordInput,
  Textarea,
  TextInput,
} from "@mantine/core";

/**
 * Required inputs keep the `required` attribute (announced by screen readers)
 * without a trailing "*" in the label, so labels read exactly as written
 * ("Email", not "Email *") for people and for end-to-end tests alike.
 */
const noAsterisk = { defaultProps: { withAsterisk: false } };

/**
 * Shade 9 for filled and outline colors keeps white-on-color and color-on-white
 * text above the WCAG AA contrast ratio of 4.5:1.
 */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 9, dark: 5 },
  focusRing: "auto",
  defaultRadius: "md",
  cursorType: "pointer",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif',
  headings: { fontWeight: "700" },
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    NativeSelect: NativeSelect.extend(noAsterisk),
    Textarea: Textarea.extend(noAsterisk),
    // Status badges sit in narrow table cells: let them keep their full word.
    Badge: Badge.extend({ styles: { root: { overflow: "visible", flexShrink: 0 }, label: { overflow: "visible" } } }),
  },
});

/**
 * Text colors darkened to reach 4.5:1: dimmed text and error messages on
 * white, and the text of "light" badges and alerts on their pale backgrounds
 * (Mantine's defaults for gray, red, green and orange fall between 3.3 and 3.9).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-green-light-color": "#1e6b30",
    "--mantine-color-orange-light-color": "#a33a0b",
  },
  dark: {},
});
