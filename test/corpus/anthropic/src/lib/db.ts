import { Pool } from "pg";
import type { PatientRecord } from "./pii";

export const pool = new Pool({ connectionString: process.env.CLINIC_DATABASE_URL });

export async function loadPatient(id: string): Promise<PatientRecord> {
  const { rows } = await pool.query("select * from patients where id = $1", [id]);
  return rows[0];
}
