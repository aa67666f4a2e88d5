/**
 * The server's policy (apps/server/src/platform/passwords.ts assertPasswordPolicy, and the
 * change-password service's "must differ" rule), repeated here only to explain it before submit and
 * tick it off while typing. The server still decides; a rule changed there must change here too.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRule = 'minLength' | 'maxLength' | 'letter' | 'digit' | 'notUsername' | 'differs';

export const PASSWORD_RULES: readonly PasswordRule[] = [
  'minLength',
  'maxLength',
  'letter',
  'digit',
  'notUsername',
  'differs',
];

export function passwordRuleMet(
  rule: PasswordRule,
  password: string,
  context: { username?: string; currentPassword?: string },
): boolean {
  switch (rule) {
    case 'minLength':
      return password.length >= PASSWORD_MIN_LENGTH;
    case 'maxLength':
      return password.length <= PASSWORD_MAX_LENGTH;
    case 'letter':
      return /[A-Za-z]/.test(password);
    case 'digit':
      return /[0-9]/.test(password);
    case 'notUsername':
      return !context.username || !password.toLowerCase().includes(context.username.toLowerCase());
    case 'differs':
      return password === '' || password !== context.currentPassword;
  }
}
