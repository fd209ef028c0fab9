/**
 * Password acceptance rules (NIST SP 800-63B §5.1.1.2): at least 12 characters,
 * at most 256, not only whitespace, and not one of a few obviously guessable
 * strings. No composition rules: they push people to worse passwords.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const GUESSABLE = new Set(["password1234", "123456789012", "qwertyuiopas", "concordia123", "administrator"]);

export type PasswordProblem = "too_short" | "too_long" | "blank" | "guessable";

export function checkPassword(password: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too_short";
  if ([...password].length > PASSWORD_MAX_LENGTH) return "too_long";
  if (password.trim() === "") return "blank";
  if (GUESSABLE.has(password.toLowerCase())) return "guessable";
  return null;
}
