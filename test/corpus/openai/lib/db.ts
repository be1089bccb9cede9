import { Pool } from "pg";

export const pool = new Pool({ connectionString: process.env.SUPPORT_DATABASE_URL });

export interface Customer {
  id: string;
  email: string;
  phone: string;
  fullName: string;
  address: string;
  tier: "free" | "pro" | "enterprise";
}

export interface Ticket {
  id: string;
  body: string;
  orderId: string;
  orderStatus: "processing" | "shipped" | "delivered" | "returned";
}

export const db = {
  customers: {
    async findById(id: string): Promise<Customer> {
      const { rows } = await pool.query("select * from customers where id = $1", [id]);
      return rows[0];
    },
  },
  tickets: {
    async findById(id: string): Promise<Ticket> {
      const { rows } = await pool.query("select * from tickets where id = $1", [id]);
      return rows[0];
    },
  },
};
