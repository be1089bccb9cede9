/** Replaces e-mail addresses, phone numbers and card numbers with placeholders before text leaves the app. */
export function redactPII(value: unknown): string {
  return String(value)
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]')
    .replace(/\+?\d[\d\s().-]{7,}\d/g, '[phone]')
    .replace(/\b(?:\d[ -]?){13,16}\b/g, '[card]');
}
