import { AppError } from './errors.js';

/** The title of a notice-board post or a registrar notice, trimmed; blank is refused. */
export function cleanTitle(raw: string): string {
  const title = raw.trim();
  if (title === '') throw new AppError('VALIDATION_FAILED', '제목이 비어 있습니다 / title is blank');
  return title;
}

/** MariaDB's TEXT holds 65,535 bytes: 20,000 characters of emoji would not fit. */
const MAX_BODY_BYTES = 65_535;

/** The body of a post or notice: not blank, and within what a MariaDB TEXT column holds. */
export function assertArticleBody(body: string): void {
  if (body.trim() === '') throw new AppError('VALIDATION_FAILED', '본문이 비어 있습니다 / body is blank');
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    throw new AppError(
      'VALIDATION_FAILED',
      `본문이 너무 깁니다 / body is longer than ${MAX_BODY_BYTES} bytes in UTF-8`,
    );
  }
}
