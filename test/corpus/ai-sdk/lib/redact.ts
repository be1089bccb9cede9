export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return domain ? `${local[0]}***@${domain}` : "[EMAIL]";
}

export function redactPII(text: string): string {
  return text
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[EMAIL]")
    .replace(/\b\d{3}-\d{2}-\d{4}\b/g, "[SSN]")
    .replace(/\+?\d[\d\s().-]{7,}\d/g, "[PHONE]");
}
