import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an admission token binds: this student, this period, until this instant. */
export interface AdmissionClaims {
  studentId: number;
  periodId: number;
  expiresAt: number;
}

const VERSION = 'a1';

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `a1.<studentId>.<periodId>.<expiresAt>.<HMAC-SHA256 of the rest, base64url>`. */
export function signAdmissionToken(secret: string, claims: AdmissionClaims): string {
  const payload = `${VERSION}.${claims.studentId}.${claims.periodId}.${claims.expiresAt}`;
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** The claims of a well-formed token with a valid signature, else undefined; expiry is the caller's rule. */
export function findAdmissionClaims(secret: string, token: string): AdmissionClaims | undefined {
  const match = /^(a1\.([0-9]{1,10})\.([0-9]{1,10})\.([0-9]{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, payload = '', student = '', period = '', expires = '', mac = ''] = match;
  const expected = sign(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  // Constant time, so a forger learns nothing from how long a wrong signature takes to refuse.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { studentId: Number(student), periodId: Number(period), expiresAt: Number(expires) };
}
