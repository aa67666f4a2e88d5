import { useCallback } from 'react';
import { errorMessage } from './error-messages';
import { useLocale } from './i18n';

/** `describe(error)`: the sentence for a failed call in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { locale } = useLocale();
  return useCallback((error: unknown) => errorMessage(error, locale), [locale]);
}
