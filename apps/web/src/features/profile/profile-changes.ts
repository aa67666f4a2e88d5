import type { Profile } from './api/get-profile';
import type { UpdateProfileBody } from './api/update-profile';

export interface ProfileForm {
  tel: string;
  email: string;
  birthDate: string;
  postcode: string;
  line1: string;
  line2: string;
}

export function formOf(profile: Profile): ProfileForm {
  return {
    tel: profile.tel ?? '',
    email: profile.email ?? '',
    birthDate: profile.birthDate ?? '',
    postcode: profile.address?.postcode ?? '',
    line1: profile.address?.line1 ?? '',
    line2: profile.address?.line2 ?? '',
  };
}

/** A blank field clears the value on the server (null); surrounding spaces never count as a change. */
function valueOf(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Only what the student changed, so a save never rewrites a field they did not touch (and the
 * audit row lists exactly the fields edited).
 */
export function profileChanges(before: ProfileForm, after: ProfileForm): UpdateProfileBody {
  const body: UpdateProfileBody = {};
  const changed = (key: keyof ProfileForm) => valueOf(before[key]) !== valueOf(after[key]);
  if (changed('tel')) body.tel = valueOf(after.tel);
  if (changed('email')) body.email = valueOf(after.email);
  if (changed('birthDate')) body.birthDate = valueOf(after.birthDate);
  const address: NonNullable<UpdateProfileBody['address']> = {};
  if (changed('postcode')) address.postcode = valueOf(after.postcode);
  if (changed('line1')) address.line1 = valueOf(after.line1);
  if (changed('line2')) address.line2 = valueOf(after.line2);
  if (Object.keys(address).length > 0) body.address = address;
  return body;
}

const FIELD_OF_PATH: Readonly<Record<string, keyof ProfileForm>> = {
  tel: 'tel',
  email: 'email',
  birthDate: 'birthDate',
  'address.postcode': 'postcode',
  'address.line1': 'line1',
  'address.line2': 'line2',
};

/** The field a VALIDATION_FAILED answer names ("Invalid body: address.postcode must match ..."). */
export function invalidFieldOf(message: string): keyof ProfileForm | undefined {
  const path = /Invalid body: ([\w.]+)/.exec(message)?.[1];
  return path !== undefined && Object.hasOwn(FIELD_OF_PATH, path) ? FIELD_OF_PATH[path] : undefined;
}
