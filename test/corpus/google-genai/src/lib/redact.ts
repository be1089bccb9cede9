export interface PatientProfile {
  id: string;
  fullName: string;
  dateOfBirth: string;
  phone: string;
  address: string;
  insuranceId: string;
  conditions: string[];
  travelRestrictions: string[];
}

export function anonymizePatient(p: PatientProfile) {
  return { conditions: p.conditions, travelRestrictions: p.travelRestrictions };
}

export function redactPII(text: string): string {
  return text
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[EMAIL]")
    .replace(/\+?\d[\d\s().-]{7,}\d/g, "[PHONE]");
}
