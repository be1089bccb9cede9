export interface PatientRecord {
  id: string;
  fullName: string;
  dateOfBirth: string;
  ssn: string;
  phone: string;
  email: string;
  address: string;
  allergies: string[];
  medications: string[];
  problems: string[];
}

/** Drops direct identifiers; keeps the clinical fields the model needs. */
export function scrubPatientRecord(patient: PatientRecord) {
  return {
    ageYears: Math.floor((Date.now() - Date.parse(patient.dateOfBirth)) / 31_557_600_000),
    allergies: patient.allergies,
    medications: patient.medications,
    problems: patient.problems,
  };
}

export function redactPII(text: string): string {
  return text
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, "[EMAIL]")
    .replace(/\b\d{3}-\d{2}-\d{4}\b/g, "[SSN]")
    .replace(/\+?\d[\d\s().-]{7,}\d/g, "[PHONE]");
}
