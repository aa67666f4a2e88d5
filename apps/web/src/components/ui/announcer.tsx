import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * One pair of live regions for the whole app: a registration or drop result is read out by a
 * screen reader even when focus stays on the button that was pressed.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<{ polite: string; assertive: string; n: number }>({
    polite: '',
    assertive: '',
    n: 0,
  });
  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    // The counter makes the same sentence twice in a row still count as a change.
    setMessages((m) => ({ ...m, [politeness]: message, n: m.n + 1 }));
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announce-polite">
        <span key={`p${messages.n}`}>{messages.polite}</span>
      </div>
      <div
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="announce-assertive"
      >
        <span key={`a${messages.n}`}>{messages.assertive}</span>
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
