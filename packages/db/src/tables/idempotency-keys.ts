export interface IdempotencyKeysTable {
  /** Who sent the key, e.g. "student:12"; keys are scoped per actor. */
  scope: string;
  idem_key: string;
  /** Method, path and body digest of the first request, to refuse a key reused for another request. */
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
}
