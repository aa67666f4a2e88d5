/** Query keys of the registration page; a state change refreshes them after the server answered. */
export const registrationKeys = {
  all: ['registration'] as const,
  periods: ['registration', 'periods'] as const,
  cart: ['registration', 'cart'] as const,
  enrollments: ['registration', 'enrollments'] as const,
  waitlist: ['registration', 'waitlist'] as const,
  sections: (q: string) => ['registration', 'sections', q] as const,
};
