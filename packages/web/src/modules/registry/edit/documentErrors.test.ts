import { describe, expect, it } from "vitest";
import {
  errorsUnder,
  formErrors,
  formPathOf,
  sectionErrorCounts,
  unplacedErrors,
  validateForm,
} from "./documentErrors";
import { emptyDataset, emptyDocumentForm } from "./documentForm";

describe("error paths", () => {
  it("puts server errors back at the form row", () => {
    const rows = { "modelCard.limitations": [2, 5], datasets: [0, 3] };
    expect(formPathOf("body.document.modelCard.limitations.1", rows)).toBe("modelCard.limitations.5");
    expect(formPathOf("body.document.datasets.1.sha256", rows)).toBe("datasets.3.sha256");
    expect(formPathOf("body.document.profile.functions.0", rows)).toBe("profile.functions.0");
    expect(formPathOf("body.organizationId", rows)).toBe("organizationId");
  });

  it("collects errors under a path and counts them per section", () => {
    const errors = formErrors(
      [
        { field: "body.document.profile.functions.0", message: "Invalid option" },
        { field: "body.document.name", message: "Too short" },
        { field: "body.document.name", message: "second message ignored" },
        { field: "body.somethingElse", message: "?" },
      ],
      {},
    );
    expect(errorsUnder(errors, "profile.functions")).toEqual(["Invalid option"]);
    expect(errorsUnder(errors, "profile.function")).toEqual([]);
    expect(errors.name).toBe("Too short");
    const counts = sectionErrorCounts(errors);
    expect(counts.basics).toBe(1);
    expect(counts.profile).toBe(1);
    expect(counts.modelCard).toBe(0);
    expect(unplacedErrors(errors)).toEqual([["somethingElse", "?"]]);
  });
});

describe("validation", () => {
  it("asks for required texts, valid addresses and digests", () => {
    const form = emptyDocumentForm();
    form.contact.email = "not-an-email";
    form.datasets = [{ ...emptyDataset(), description: "x", sha256: "abc" }];
    form.links = [{ label: "Docs", url: "ftp://x" }];
    expect(validateForm(form)).toEqual({
      name: "required",
      versionLabel: "required",
      intendedPurpose: "required",
      description: "required",
      "datasets.0.name": "required",
      "datasets.0.sha256": "sha256",
      "contact.email": "email",
      "links.0.url": "url",
    });
  });
});
