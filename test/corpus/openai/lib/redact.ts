const EMAIL_RE = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const PHONE_RE = /\+?\d[\d\s().-]{7,}\d/g;
const SSN_RE = /\b\d{3}-\d{2}-\d{4}\b/g;
const CARD_RE = /\b(?:\d[ -]?){13,16}\b/g;

/** Replaces emails, phone numbers, SSNs and card numbers with placeholders. */
export function redactPII(text: string): string {
  return text
    .replace(EMAIL_RE, "[EMAIL]")
    .replace(SSN_RE, "[SSN]")
    .replace(CARD_RE, "[CARD]")
    .replace(PHONE_RE, "[PHONE]");
}

/** jane.doe@example.com -> j*******@example.com */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "[EMAIL]";
  return `${local.slice(0, 1)}${"*".repeat(Math.max(local.length - 1, 3))}@${domain}`;
}
