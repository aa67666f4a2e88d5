import { useMessages } from '../../../lib/i18n/i18n';
import { authMessages } from '../messages';
import { PASSWORD_RULES, passwordRuleMet } from '../password-policy';
import type { PasswordRule } from '../password-policy';
import './password-policy-hints.css';

const LABEL: Record<PasswordRule, keyof (typeof authMessages)['ko']> = {
  minLength: 'ruleMinLength',
  maxLength: 'ruleMaxLength',
  letter: 'ruleLetter',
  digit: 'ruleDigit',
  notUsername: 'ruleNotUsername',
  differs: 'ruleDiffers',
};

/** The policy, readable before anything is typed, each rule ticked off as the password meets it. */
export function PasswordPolicyHints({
  id,
  password,
  username,
  currentPassword,
}: {
  id: string;
  password: string;
  username?: string;
  currentPassword?: string;
}) {
  const t = useMessages(authMessages);
  return (
    <div id={id} className="password-policy">
      <p className="password-policy-title">{t('policyTitle')}</p>
      <ul>
        {PASSWORD_RULES.map((rule) => {
          const met = password !== '' && passwordRuleMet(rule, password, { username, currentPassword });
          return (
            <li key={rule} data-met={met}>
              <span aria-hidden="true">{met ? '✓' : '•'}</span> {t(LABEL[rule])}
              <span className="visually-hidden"> ({met ? t('ruleMet') : t('ruleNotMet')})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
