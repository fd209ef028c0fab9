/**
 * The transparency-log primitives of @concordia/core (pure and synchronous),
 * imported through this one module so the CLI's dependency on them is plain.
 */
export * from "@concordia/core";
