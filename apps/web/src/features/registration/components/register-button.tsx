import { Button } from '../../../components/ui/button';
import { useMessages } from '../../../lib/i18n/i18n';
import { busyKey } from '../hooks/use-registration-flow';
import type { SectionTarget } from '../hooks/use-registration-flow';
import { registrationMessages } from '../messages';

export interface RegisterActions {
  busy: ReadonlySet<string>;
  register: (target: SectionTarget) => Promise<void>;
}

/** "신청", named after its section for screen readers, busy (disabled) while its call is in flight. */
export function RegisterButton({ target, actions }: { target: SectionTarget; actions: RegisterActions }) {
  const t = useMessages(registrationMessages);
  const section = t('sectionLabel', { name: target.subjectName, number: target.number });
  return (
    <Button
      busy={actions.busy.has(busyKey('register', target.sectionId))}
      aria-label={t('registerSection', { section })}
      onClick={() => void actions.register(target)}
    >
      {t('register')}
    </Button>
  );
}
