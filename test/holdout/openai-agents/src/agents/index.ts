export { triageAgent } from "./triage.js";
export { techAgent } from "./tech.js";
export { billingAgent, type BillingContext } from "./billing.js";
export { opsAgent } from "./ops.js";
