export * from "./log/index.js";
export * from "./members/password.js";
export * from "./members/policy.js";
export * from "./members/roles.js";
export * from "./policy/actor.js";
export * from "./policy/policy.js";
export * from "./registry/index.js";
export * from "./rules/index.js";
