import { ApiError } from '../api/api-error';
import type { ClientErrorCode } from '../api/api-error';
import { interpolate } from './i18n';
import type { Locale, Params } from './i18n';

type ErrorCatalog = Readonly<Record<ClientErrorCode, string>>;

/** One sentence a person can act on per code; the typecheck fails when a server code has none. */
export const ERROR_MESSAGES: Readonly<Record<Locale, ErrorCatalog>> = {
  ko: {
    VALIDATION_FAILED: '입력값을 확인해 주세요. 표시된 항목을 고친 뒤 다시 시도하세요.',
    INVALID_JSON: '요청을 보내는 중 문제가 생겼습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    JSON_TOO_DEEP: '요청을 보내는 중 문제가 생겼습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    INVALID_TEXT:
      '쓸 수 없는 글자가 들어 있습니다. 보이지 않는 문자나 특수 제어 문자를 지우고 다시 입력하세요.',
    INVALID_URL: '주소가 올바르지 않습니다. 메뉴에서 다시 찾아 들어오세요.',
    BAD_REQUEST: '요청 형식이 올바르지 않습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    UNAUTHENTICATED: '로그인이 필요합니다. 다시 로그인해 주세요.',
    INVALID_CREDENTIALS:
      '학번(아이디) 또는 비밀번호가 맞지 않습니다. 학번이 기억나지 않으면 학번 조회를 이용하세요.',
    FORBIDDEN: '이 화면을 볼 권한이 없습니다. 다른 계정으로 로그인하세요.',
    ACCOUNT_DISABLED: '사용이 중지된 계정입니다. 학사 관리자(학사지원팀)에 문의하세요.',
    CSRF_FAILED: '보안 확인에 실패했습니다. 다시 로그인한 뒤 시도하세요.',
    PASSWORD_CHANGE_REQUIRED: '먼저 비밀번호를 변경해야 합니다.',
    REGISTRATION_CLOSED: '지금은 신청 기간이 아닙니다. 수강신청 안내에서 일정을 확인하세요.',
    NOT_FOUND: '찾는 항목이 없습니다. 이미 삭제되었을 수 있으니 목록을 새로 고치세요.',
    ALREADY_ENROLLED: '이미 신청한 분반입니다. 시간표에서 확인하세요.',
    SAME_SUBJECT: '같은 교과목의 다른 분반을 이미 신청했습니다. 바꾸려면 그 분반을 먼저 취소하세요.',
    TIME_CONFLICT: '{section}과(와) 수업 시간이 겹칩니다. 둘 중 하나를 고르세요.',
    CREDIT_LIMIT: '최대 신청 학점을 넘습니다. 다른 과목을 취소하거나 학점이 적은 과목을 고르세요.',
    SECTION_FULL: '정원이 마감되었습니다. 같은 과목의 다른 분반을 신청하거나 대기자로 등록하세요.',
    SEATS_AVAILABLE: '아직 자리가 있어 대기할 수 없습니다. 바로 신청하세요.',
    ALREADY_WAITLISTED: '이미 이 분반의 대기자입니다. 순번은 수강신청 화면에서 볼 수 있습니다.',
    NOT_ENROLLED: '신청하지 않은 분반입니다. 목록을 새로 고치세요.',
    NOT_WAITLISTED: '이 분반의 대기자가 아닙니다. 목록을 새로 고치세요.',
    ALREADY_IN_CART: '이미 장바구니에 담긴 분반입니다.',
    NOT_IN_CART: '장바구니에 없는 분반입니다. 목록을 새로 고치세요.',
    CART_FULL: '장바구니가 가득 찼습니다. 필요 없는 분반을 빼고 다시 담으세요.',
    CONFLICT: '다른 데이터와 충돌합니다. 목록을 새로 고친 뒤 다시 시도하세요.',
    ENROLLED_TIME_CONFLICT: '새 수업 시간이 수강생이 신청한 다른 분반과 겹칩니다. 다른 시간을 고르세요.',
    CAPACITY_BELOW_TAKEN: '이미 신청한 인원보다 정원을 적게 할 수 없습니다.',
    CREDITS_LOCKED: '수강신청한 학생이 있어 학점을 바꿀 수 없습니다.',
    PERIOD_OVERLAP: '같은 종류·학년의 다른 신청 기간과 겹칩니다. 시간이나 학년을 조정하세요.',
    DUPLICATE: '같은 이름이나 코드가 이미 있습니다. 다른 값을 입력하세요.',
    DEPARTMENT_NOT_EMPTY: '소속 학생이 있어 삭제할 수 없습니다. 학생을 다른 학과로 옮긴 뒤 삭제하세요.',
    CODE_EXHAUSTED: '더 발급할 수 있는 번호가 없습니다. 시스템 관리자에게 문의하세요.',
    WEAK_PASSWORD: '비밀번호 규칙에 맞지 않습니다. 안내된 규칙을 확인하세요.',
    WRONG_PASSWORD: '현재 비밀번호가 맞지 않습니다.',
    INVALID_TEL: '전화번호를 숫자 8~15자리로 입력하세요.',
    INVALID_BIRTH_DATE: '생년월일을 1900년 이후, 오늘 이전의 실제 날짜로 입력하세요.',
    IDEMPOTENCY_KEY_REUSED: '같은 요청이 이미 다른 내용으로 처리되었습니다. 페이지를 새로 고치세요.',
    REQUEST_TIMEOUT: '요청이 제시간에 도착하지 않았습니다. 연결을 확인하고 다시 시도하세요.',
    PAYLOAD_TOO_LARGE: '보낸 내용이 너무 큽니다. 파일을 나누어 올리세요.',
    URL_TOO_LONG: '검색어가 너무 깁니다. 줄여서 다시 시도하세요.',
    UNSUPPORTED_MEDIA_TYPE: '지원하지 않는 형식입니다. CSV 파일인지 확인하세요.',
    HEADERS_TOO_LARGE: '브라우저 쿠키가 너무 큽니다. 쿠키를 지운 뒤 다시 로그인하세요.',
    RATE_LIMITED: '요청이 너무 많습니다. {seconds}초 뒤에 다시 시도하세요.',
    OVERLOADED: '지금 요청이 몰려 있습니다. {seconds}초 뒤에 다시 시도하세요. 신청 내역은 사라지지 않습니다.',
    NOT_READY: '서비스가 준비 중입니다. 잠시 뒤 다시 시도하세요.',
    INTERNAL: '서버에서 문제가 생겼습니다. 잠시 뒤 다시 시도하고, 계속되면 학사지원팀에 알려 주세요.',
    ADMISSION_REQUIRED:
      '지금은 대기열 순서대로 신청을 받습니다. 이 화면을 닫지 말고 기다리면 차례가 되었을 때 알려 드립니다. 그때 다시 신청하세요.',
    NETWORK_ERROR: '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
    UNKNOWN_ERROR: '알 수 없는 오류가 생겼습니다. 다시 시도하세요.',
  },
  en: {
    VALIDATION_FAILED: 'Please check your input: fix the marked fields and try again.',
    INVALID_JSON: 'Something went wrong sending the request. Reload the page and try again.',
    JSON_TOO_DEEP: 'Something went wrong sending the request. Reload the page and try again.',
    INVALID_TEXT:
      'The text contains characters that cannot be used. Remove invisible or control characters and retype it.',
    INVALID_URL: 'The address is malformed. Open the page again from the menu.',
    BAD_REQUEST: 'The request was malformed. Reload the page and try again.',
    UNAUTHENTICATED: 'You need to sign in. Please sign in again.',
    INVALID_CREDENTIALS:
      'Wrong student number (username) or password. Forgot your student number? Use the lookup.',
    FORBIDDEN: 'You are not allowed to open this page. Sign in with another account.',
    ACCOUNT_DISABLED: 'This account is disabled. Contact the registrar’s office.',
    CSRF_FAILED: 'The security check failed. Sign in again and retry.',
    PASSWORD_CHANGE_REQUIRED: 'You need to change your password first.',
    REGISTRATION_CLOSED: 'Registration is not open now. See the registration guide for the schedule.',
    NOT_FOUND: 'Not found. It may have been deleted: refresh the list.',
    ALREADY_ENROLLED: 'You are already registered for this section. See your timetable.',
    SAME_SUBJECT: 'You already hold another section of this subject. Drop it first to switch.',
    TIME_CONFLICT: 'This overlaps {section}. Choose one of the two.',
    CREDIT_LIMIT: 'This would exceed your credit limit. Drop a course or choose one with fewer credits.',
    SECTION_FULL: 'This section is full. Register for another section of the subject or join the wait-list.',
    SEATS_AVAILABLE: 'Seats are still free, so there is no wait-list: register now.',
    ALREADY_WAITLISTED:
      'You are already on this section’s wait-list. Your position is on the registration page.',
    NOT_ENROLLED: 'You are not registered for this section. Refresh the list.',
    NOT_WAITLISTED: 'You are not on this section’s wait-list. Refresh the list.',
    ALREADY_IN_CART: 'This section is already in your cart.',
    NOT_IN_CART: 'This section is not in your cart. Refresh the list.',
    CART_FULL: 'Your cart is full. Remove a section you do not need and add again.',
    CONFLICT: 'This conflicts with other data. Refresh the list and try again.',
    ENROLLED_TIME_CONFLICT:
      'The new meetings overlap other sections held by enrolled students. Choose other times.',
    CAPACITY_BELOW_TAKEN: 'Capacity cannot go below the seats already taken.',
    CREDITS_LOCKED: 'Credits cannot change while students are enrolled.',
    PERIOD_OVERLAP:
      'This overlaps another period of the same kind for the same year. Adjust the times or years.',
    DUPLICATE: 'That name or code already exists. Enter another one.',
    DEPARTMENT_NOT_EMPTY: 'Students still belong to this department. Move them to another department first.',
    CODE_EXHAUSTED: 'No numbers are left to issue. Contact the system administrator.',
    WEAK_PASSWORD: 'The password does not meet the policy shown. Check the rules.',
    WRONG_PASSWORD: 'The current password is wrong.',
    INVALID_TEL: 'Enter a phone number with 8 to 15 digits.',
    INVALID_BIRTH_DATE: 'Enter a real birth date after 1900 and before today.',
    IDEMPOTENCY_KEY_REUSED: 'This request was already handled with different content. Reload the page.',
    REQUEST_TIMEOUT: 'The request did not arrive in time. Check your connection and try again.',
    PAYLOAD_TOO_LARGE: 'What you sent is too large. Split the file and upload the parts.',
    URL_TOO_LONG: 'The search is too long. Shorten it and try again.',
    UNSUPPORTED_MEDIA_TYPE: 'This format is not supported. Check that the file is a CSV.',
    HEADERS_TOO_LARGE: 'Your browser’s cookies are too large. Clear them and sign in again.',
    RATE_LIMITED: 'Too many requests. Try again in {seconds} s.',
    OVERLOADED:
      'Many requests are arriving right now. Try again in {seconds} s; nothing you registered is lost.',
    NOT_READY: 'The service is starting. Try again in a moment.',
    INTERNAL:
      'Something went wrong on the server. Try again shortly; if it persists, tell the registrar’s office.',
    ADMISSION_REQUIRED:
      'Registration is taken in queue order right now. Keep this page open: it tells you when your turn comes, then register again.',
    NETWORK_ERROR: 'Cannot reach the server. Check your internet connection and try again.',
    UNKNOWN_ERROR: 'An unexpected error happened. Please try again.',
  },
};

function paramsOf(error: ApiError, locale: Locale): Params {
  const d = error.details;
  const number = typeof d.sectionNumber === 'number' ? d.sectionNumber : undefined;
  const section =
    typeof d.subjectName === 'string' && number !== undefined
      ? locale === 'ko'
        ? `${d.subjectName} ${number}분반`
        : `${d.subjectName} section ${number}`
      : locale === 'ko'
        ? '신청한 다른 분반'
        : 'another section you hold';
  return { section, seconds: error.retryAfterSeconds ?? 5 };
}

/** The sentence for any thrown value, in the given language. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (!(error instanceof ApiError)) return ERROR_MESSAGES[locale].UNKNOWN_ERROR;
  const template = ERROR_MESSAGES[locale][error.code] ?? ERROR_MESSAGES[locale].UNKNOWN_ERROR;
  return interpolate(template, paramsOf(error, locale));
}
