import { describe, expect, it } from "vitest";
import { checkPassword } from "./password.js";
import { isRightToLeft } from "./roles.js";

describe("checkPassword", () => {
  it("accepts long passphrases in any script", () => {
    expect(checkPassword("correct horse battery staple")).toBeNull();
    expect(checkPassword("这是一个很长的中文密码短语啊")).toBeNull();
  });
  it("counts characters, not UTF-16 units", () => {
    expect(checkPassword("😀".repeat(11))).toBe("too_short");
    expect(checkPassword("😀".repeat(12))).toBeNull();
  });
  it("when too short, too long, blank or guessable → names the problem", () => {
    expect(checkPassword("short")).toBe("too_short");
    expect(checkPassword("x".repeat(257))).toBe("too_long");
    expect(checkPassword(" ".repeat(20))).toBe("blank");
    expect(checkPassword("Password1234")).toBe("guessable");
  });
});

describe("isRightToLeft", () => {
  it("is true for Arabic only among the UN languages", () => {
    expect(["ar", "zh", "en", "fr", "ru", "es"].filter(isRightToLeft)).toEqual(["ar"]);
  });
});
