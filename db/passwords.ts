// Password hashing for logins. Argon2id with the library's defaults
// (OWASP-recommended memory/time cost); the hash string carries its own
// parameters, so raising them later keeps old hashes verifiable.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False (never throws) when the hash is malformed, so a bad row reads as a wrong password. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
