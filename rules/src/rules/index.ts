/**
 * The rule registry. Generated-by-convention: one file per rule id in this folder; a test checks
 * that this list, the docs folder and the test folder name the same rules.
 */
import type { RuleModule } from '../rule.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noSharedAgentCredentials from './no-shared-agent-credentials.js';
import noUnscopedTools from './no-unscoped-tools.js';
import noUnredactedPrompts from './no-unredacted-prompts.js';
import requireAuditLogging from './require-audit-logging.js';
import noUntrustedInstructions from './no-untrusted-instructions.js';
import noUnsafeModelOutput from './no-unsafe-model-output.js';
import noSharedConversationMemory from './no-shared-conversation-memory.js';
import noUnrestrictedEgress from './no-unrestricted-egress.js';

export const allRules: RuleModule[] = [
  noHardcodedCredentials,
  noSharedAgentCredentials,
  noUnscopedTools,
  noUnredactedPrompts,
  requireAuditLogging,
  noUntrustedInstructions,
  noUnsafeModelOutput,
  noSharedConversationMemory,
  noUnrestrictedEgress,
];

export function ruleById(id: string): RuleModule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
