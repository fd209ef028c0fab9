/** The format of an instrument file: by its extension when it has one we know, else by its content. */
export function detectFormat(fileName: string | null | undefined, content: string): "json" | "yaml" {
  const name = (fileName ?? "").toLowerCase();
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  const start = content.replace(/^\uFEFF/, "").trimStart();
  return start.startsWith("{") || start.startsWith("[") ? "json" : "yaml";
}

/** A schema error's path inside the file: "content.requirements.0.title" → "requirements.0.title"; "" for the whole file. */
export function pathInFile(field: string): string {
  return field.replace(/^(body\.)?content(\.|$)/, "");
}
