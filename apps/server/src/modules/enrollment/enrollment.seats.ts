/**
 * What other modules may do to seats from inside their own transaction:
 * - releaseStudentSeats: before a student row is deleted, drop each enrollment as a drop would (seat
 *   back, wait-list head promoted); the foreign-key cascade then removes cart and wait-list rows;
 * - fillFreedSeats: after a capacity increase, hand the new seats to the wait-list.
 */
export { fillFreedSeats, releaseStudentSeats } from './enrollment.service.js';
