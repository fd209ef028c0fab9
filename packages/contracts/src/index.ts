export * from "./admin.js";
export * from "./auth.js";
export * from "./client.js";
export * from "./common.js";
export * from "./log.js";
export * from "./members.js";
export * from "./routes.js";
