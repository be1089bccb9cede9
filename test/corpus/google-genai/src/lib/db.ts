import { Pool } from "pg";
import type { PatientProfile } from "./redact";

export const pool = new Pool({ connectionString: process.env.WANDERLY_DATABASE_URL });

export async function loadPatientProfile(id: string): Promise<PatientProfile> {
  const { rows } = await pool.query("select * from medical_travel_profiles where id = $1", [id]);
  return rows[0];
}
