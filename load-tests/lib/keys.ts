/** A fresh Idempotency-Key: unique per VU, iteration and moment (k6 has no UUID without a remote import). */
export const freshKey = (purpose: string) =>
  `${purpose}-${__VU}-${__ITER}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
