export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return domain ? `${local[0]}***@${domain}` : "[EMAIL]";
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `***-***-${digits.slice(-4)}`;
}

export function redactPII(text: string): string {
  return text
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[EMAIL]")
    .replace(/\+?\d[\d\s().-]{7,}\d/g, "[PHONE]");
}
