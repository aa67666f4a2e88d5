import { Page } from '../../../components/ui/page';
import { useMessages } from '../../../lib/i18n/i18n';
import { CartList } from '../components/cart-list';
import { EnrollmentList } from '../components/enrollment-list';
import { FullSectionPanel } from '../components/full-section-panel';
import { OpeningStatus } from '../components/opening-status';
import { RegisterByCode } from '../components/register-by-code';
import { ResultsLog } from '../components/results-log';
import { SearchList } from '../components/search-list';
import { WaitlistList } from '../components/waitlist-list';
import { useRegistrationFlow } from '../hooks/use-registration-flow';
import { registrationMessages } from '../messages';
import '../registration.css';

/** 수강신청: the countdown, the three ways to register, what is held, and every answer. */
export function Component() {
  const t = useMessages(registrationMessages);
  const flow = useRegistrationFlow();
  const actions = { busy: flow.busy, register: flow.register };
  return (
    <Page title={t('title')}>
      <OpeningStatus
        state={flow.state}
        period={flow.period}
        sync={flow.clock.sync}
        syncFailed={flow.clock.failed}
        measuring={flow.clock.measuring}
        onResync={flow.clock.resync}
        queueError={flow.queueError}
      />
      <div className="registration-grid">
        <div className="registration-main">
          {flow.full ? (
            <FullSectionPanel
              full={flow.full}
              actions={actions}
              joinWaitlist={flow.joinWaitlist}
              onClose={flow.dismissFull}
            />
          ) : null}
          <CartList actions={actions} />
          <RegisterByCode actions={actions} />
          <SearchList actions={actions} />
        </div>
        <div className="registration-side">
          <ResultsLog entries={flow.log} describe={flow.describe} />
          <EnrollmentList busy={flow.busy} drop={flow.drop} />
          <WaitlistList busy={flow.busy} leave={flow.leaveWaitlist} />
        </div>
      </div>
    </Page>
  );
}
