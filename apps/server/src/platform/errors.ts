/**
 * Every error code the API can return, with its HTTP status and a default bilingual message.
 * Domain modules throw AppError with one of these codes; one Fastify error handler writes
 * {"error":{"code","message"}}.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: [400, '입력값이 올바르지 않습니다 / Invalid input'],
  INVALID_JSON: [400, 'JSON 형식이 올바르지 않습니다 / Malformed JSON body'],
  JSON_TOO_DEEP: [400, 'JSON이 너무 깊게 중첩되었습니다 / JSON body is nested too deeply'],
  INVALID_TEXT: [
    400,
    '글자가 올바르지 않습니다 (잘못된 UTF-8, 짝 없는 서로게이트, 제어 문자 또는 보이지 않는 문자만) / Invalid text (bad UTF-8, lone surrogate, control characters or only invisible characters)',
  ],
  INVALID_URL: [400, '주소(URL) 인코딩이 올바르지 않습니다 / Malformed URL encoding'],
  BAD_REQUEST: [400, 'HTTP 요청 형식이 올바르지 않습니다 / Malformed HTTP request'],
  UNAUTHENTICATED: [401, '로그인이 필요합니다 / Login required'],
  INVALID_CREDENTIALS: [401, '학번(아이디) 또는 비밀번호가 올바르지 않습니다 / Wrong username or password'],
  FORBIDDEN: [403, '권한이 없습니다 / Forbidden'],
  ACCOUNT_DISABLED: [403, '사용이 중지된 계정입니다. 학사 관리자에게 문의하세요 / This account is disabled'],
  CSRF_FAILED: [403, '요청 검증에 실패했습니다 / Missing or wrong CSRF token'],
  PASSWORD_CHANGE_REQUIRED: [403, '비밀번호를 먼저 변경해야 합니다 / Change your password first'],
  ADMISSION_REQUIRED: [
    403,
    '대기열 입장 확인이 필요합니다. 대기열에서 순서를 기다려 주세요 / Admission required: wait your turn in the queue',
  ],
  REGISTRATION_CLOSED: [403, '수강신청 기간이 아닙니다 / Registration is closed'],
  NOT_FOUND: [404, '찾을 수 없습니다 / Not found'],
  ALREADY_ENROLLED: [409, '이미 신청한 분반입니다 / Already enrolled in this section'],
  SAME_SUBJECT: [
    409,
    '같은 교과목의 다른 분반을 이미 신청했습니다 / Already enrolled in another section of this subject',
  ],
  TIME_CONFLICT: [409, '시간표가 겹칩니다 / Time conflict'],
  CREDIT_LIMIT: [409, '최대 신청 학점을 초과합니다 / Credit limit exceeded'],
  SECTION_FULL: [409, '정원이 마감되었습니다 / Section is full'],
  SEATS_AVAILABLE: [
    409,
    '빈 자리가 있어 대기할 수 없습니다. 바로 신청하세요 / Seats are free: register instead',
  ],
  ALREADY_WAITLISTED: [409, '이미 대기 중입니다 / Already on the wait-list'],
  NOT_ENROLLED: [404, '신청하지 않은 분반입니다 / Not enrolled in this section'],
  NOT_WAITLISTED: [404, '대기 중이 아닙니다 / Not on the wait-list'],
  ALREADY_IN_CART: [409, '이미 장바구니에 있습니다 / Already in the cart'],
  NOT_IN_CART: [404, '장바구니에 없습니다 / Not in the cart'],
  CART_FULL: [409, '장바구니가 가득 찼습니다 / The cart is full'],
  CONFLICT: [409, '다른 데이터와 충돌합니다 / Conflicts with existing data'],
  ENROLLED_TIME_CONFLICT: [
    409,
    '새 수업 시간이 수강생이 신청한 다른 분반과 겹칩니다 / The new meetings overlap other sections held by enrolled students',
  ],
  CAPACITY_BELOW_TAKEN: [
    409,
    '신청 인원보다 정원을 적게 할 수 없습니다 / Capacity cannot go below the seats taken',
  ],
  CREDITS_LOCKED: [
    409,
    '수강신청한 학생이 있어 학점을 바꿀 수 없습니다 / Credits cannot change while students are enrolled',
  ],
  PERIOD_OVERLAP: [
    409,
    '같은 종류·학년의 신청 기간과 겹칩니다 / Overlaps another period of the same kind for the same year',
  ],
  DUPLICATE: [409, '이미 존재합니다 / Already exists'],
  DEPARTMENT_NOT_EMPTY: [409, '소속 학생이 있는 학과는 삭제할 수 없습니다 / Department still has students'],
  CODE_EXHAUSTED: [409, '발급할 수 있는 번호가 없습니다 / No numbers left to issue'],
  WEAK_PASSWORD: [400, '비밀번호 규칙에 맞지 않습니다 / Password does not meet the policy'],
  WRONG_PASSWORD: [403, '현재 비밀번호가 올바르지 않습니다 / Current password is wrong'],
  INVALID_TEL: [400, '전화번호가 올바르지 않습니다 (숫자 8~15자리) / tel needs 8 to 15 digits'],
  INVALID_BIRTH_DATE: [
    400,
    '생년월일이 올바르지 않습니다 (실제 날짜, 1900년 이후, 오늘 이전) / birthDate must be a real past date after 1900',
  ],
  IDEMPOTENCY_KEY_REUSED: [
    422,
    '같은 Idempotency-Key가 다른 요청에 쓰였습니다 / Idempotency-Key reused for another request',
  ],
  REQUEST_TIMEOUT: [408, '요청이 제시간에 도착하지 않았습니다 / Request took too long to arrive'],
  PAYLOAD_TOO_LARGE: [413, '요청이 너무 큽니다 / Request body too large'],
  URL_TOO_LONG: [414, '주소(URL)가 너무 깁니다 / URL too long'],
  UNSUPPORTED_MEDIA_TYPE: [415, '지원하지 않는 형식입니다 / Unsupported content type'],
  HEADERS_TOO_LARGE: [431, '요청 헤더가 너무 큽니다 / Request headers too large'],
  RATE_LIMITED: [429, '요청이 너무 많습니다. 잠시 후 다시 시도하세요 / Too many requests'],
  OVERLOADED: [503, '요청이 많아 잠시 후 다시 시도하세요 / Busy, try again shortly'],
  NOT_READY: [503, '서비스 준비 중입니다 / Not ready'],
  INTERNAL: [500, '서버 오류가 발생했습니다 / Internal error'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** `cause` keeps the low-level error (a driver or parser failure) for the log; it never reaches the client. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    // A 4xx is an answer to the client, not a fault: nobody reads its stack, and capturing one
    // cost a full section's refusal more than the refusal itself (about 40 µs of ~300).
    const status = ERROR_CATALOG[code][0];
    const limit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    try {
      super(message ?? ERROR_CATALOG[code][1], options);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.status = status;
    this.name = 'AppError';
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}을(를) 찾을 수 없습니다 / ${what} not found`);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
